-- 0007_agent_owned_findings.sql — findings belong to their agent; revocation is final for the
-- machine; enrollment tokens can be made for one agent. See ../SCHEMA.md ("Identity").
--
-- Before: every finding table was keyed (company_id, fingerprint) and the agent computes
-- fingerprints from the machine's identity, so a machine's second agent (re-enrolled after a
-- revoke, a clone, a reinstall without /etc/machine-id) met its predecessor's rows and the
-- upsert's `WHERE agent_id = excluded.agent_id` silently wrote nothing.
-- After: keyed (company_id, agent_id, fingerprint) (company_id, the partition key and the Citus
-- distribution column, leads), so an agent's findings are always its own rows.

ALTER TABLE public.config_findings
    ADD COLUMN agent_id uuid REFERENCES public.agents (id) ON DELETE CASCADE;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['vulnerabilities_v2', 'vulnerabilities', 'system_vulnerabilities',
        'network_findings', 'compliance_checks', 'auth_findings', 'database_findings',
        'api_findings', 'container_findings', 'ai_ml_findings', 'iot_ot_findings',
        'privacy_findings', 'web3_findings', 'config_findings']
    LOOP
        EXECUTE format('DROP INDEX public.%I', 'ux_' || t || '_company_fingerprint');
        EXECUTE format('CREATE UNIQUE INDEX %I ON public.%I (company_id, agent_id, fingerprint)',
                       'ux_' || t || '_company_agent_fingerprint', t);
    END LOOP;
END
$$;

-- Why a finding was resolved: 'not_reported' (a complete scan of its category did not report
-- it), 'agent_revoked' (its agent was revoked: the hand-over is visible per finding). NULL
-- while open; set back to NULL when it reopens.
ALTER TABLE public.vulnerabilities_v2 ADD COLUMN resolved_reason varchar(64);

-- Revocation stays on the agent row, which keeps the machine's identity: a new enrollment
-- from that machine id is refused until `agent restore` or a token made for the agent.
ALTER TABLE public.agents
    ADD COLUMN revoked_by varchar(255),
    ADD COLUMN restored_at timestamptz,
    ADD COLUMN restored_by varchar(255);

-- A token made for one (revoked) agent: redeemed from that agent's machine, it restores it.
ALTER TABLE public.enrollment_tokens
    ADD COLUMN for_agent_id uuid REFERENCES public.agents (id) ON DELETE CASCADE;

-- Retention (prune): a company's scans by age, per agent.
CREATE INDEX idx_scans_company_agent_created ON public.scans (company_id, agent_id, created_at);
CREATE INDEX idx_dependencies_company_scan ON public.dependencies (company_id, scan_id);
