-- 0002_row_level_security.sql — tenant isolation by row-level security. See ../SCHEMA.md.
--
-- The tenant of a transaction is the setting zerotrace.company_id, set transaction-locally by
-- set_company_context(). Every table with a company_id column gets RLS enabled AND forced
-- (forced: the table owner is filtered too) and one policy, company_isolation.
-- Without a context current_company_id() is NULL, so nothing is visible and nothing can be
-- written. Tables without company_id (companies, cve_database, config_standards,
-- system_logs) have no RLS: companies is managed by operators, the others are shared.
--
-- A later migration that adds a table (or a partition) with company_id must call
-- isolate_by_company() on it: this file runs once.

CREATE FUNCTION public.current_company_id() RETURNS uuid
    LANGUAGE sql
    STABLE
    PARALLEL SAFE
AS $$
    SELECT NULLIF(current_setting('zerotrace.company_id', true), '')::uuid
$$;

COMMENT ON FUNCTION public.current_company_id() IS
    'The company of the current transaction (set by set_company_context), NULL when none.';

CREATE FUNCTION public.set_company_context(p_company_id uuid) RETURNS void
    LANGUAGE plpgsql
    VOLATILE
AS $$
BEGIN
    IF p_company_id IS NULL THEN
        RAISE EXCEPTION 'set_company_context: company_id must not be null'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- true: local to the current transaction; gone after COMMIT or ROLLBACK.
    PERFORM set_config('zerotrace.company_id', p_company_id::text, true);
END
$$;

COMMENT ON FUNCTION public.set_company_context(uuid) IS
    'Sets the company for the rest of the current transaction only (row-level security).';

-- RLS enabled and forced on one table, with the company_isolation policy.
CREATE FUNCTION public.isolate_by_company(p_table regclass) RETURNS void
    LANGUAGE plpgsql
    VOLATILE
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p_table);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p_table);
    EXECUTE format('CREATE POLICY company_isolation ON %s FOR ALL'
                   ' USING (company_id = public.current_company_id())'
                   ' WITH CHECK (company_id = public.current_company_id())', p_table);
END
$$;

REVOKE ALL ON FUNCTION public.isolate_by_company(regclass) FROM PUBLIC;

-- Every table of schema public with a company_id column: plain tables, partitioned parents
-- and their partitions. Queries through a parent use the parent's policies; the partitions
-- get the same policy so that reading a partition directly is filtered as well.
SELECT public.isolate_by_company(c.oid::regclass)
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid
WHERE c.relnamespace = 'public'::regnamespace
  AND c.relkind IN ('r', 'p')
  AND a.attname = 'company_id'
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY c.relname;
