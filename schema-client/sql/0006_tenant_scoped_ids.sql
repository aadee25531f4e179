-- 0006_tenant_scoped_ids.sql — the ids an agent chooses (a batch's batch_id, a scan's id) are
-- unique per tenant, never across tenants. See ../SCHEMA.md.
--
-- Before: ingested_batches.batch_id and scans.id were unique over every company, so an agent
-- of company B sending a batch_id company A had used was acknowledged as a duplicate with
-- nothing of B written, and a scan id of A refused B's batch: one tenant's ids decided what
-- another tenant's batch did, and the answer told B that the id existed elsewhere.
-- After: every key an agent's id takes part in leads with company_id (the Citus distribution
-- column), so two tenants' equal ids never meet.

-- Idempotency per company and agent: the same batch_id from another agent is that agent's own
-- batch.
ALTER TABLE public.ingested_batches DROP CONSTRAINT ingested_batches_pkey;
ALTER TABLE public.ingested_batches ADD PRIMARY KEY (company_id, agent_id, batch_id);

-- scans: key (company_id, id). Every foreign key to scans (vulnerabilities, vulnerabilities_v2,
-- network_findings, dependencies, reports) becomes (company_id, scan_id), with its delete rule
-- kept; SET NULL clears scan_id only (company_id is NOT NULL), which PostgreSQL 15 allows.
DO $$
DECLARE
    fk record;
    rule text;
BEGIN
    CREATE TEMPORARY TABLE zt_scan_fks ON COMMIT DROP AS
        SELECT con.conrelid::regclass AS tbl, con.conname AS name, con.confdeltype AS deltype
        FROM pg_constraint con
        WHERE con.contype = 'f' AND con.confrelid = 'public.scans'::regclass
          AND con.conparentid = 0;
    FOR fk IN SELECT * FROM zt_scan_fks LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.name);
    END LOOP;

    ALTER TABLE public.scans DROP CONSTRAINT scans_pkey;
    ALTER TABLE public.scans ADD PRIMARY KEY (company_id, id);

    FOR fk IN SELECT * FROM zt_scan_fks LOOP
        rule := CASE fk.deltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL (scan_id)'
                                ELSE 'NO ACTION' END;
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (company_id, scan_id)'
                       ' REFERENCES public.scans (company_id, id) ON DELETE %s',
                       fk.tbl, fk.name, rule);
    END LOOP;
END
$$;
