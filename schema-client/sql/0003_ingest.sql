-- 0003_ingest.sql — what the agent ingest needs on top of the seed: roles, fingerprints for
-- idempotent upserts, category-row → vulnerabilities_v2 links, agent keys and enrollment,
-- the batch idempotency table, the two SECURITY DEFINER auth functions and the grants.
-- Nothing of the seed is dropped or renamed. See ../SCHEMA.md.

-- ---------------------------------------------------------------------------------------------
-- Roles (cluster-wide: created only if missing)
-- ---------------------------------------------------------------------------------------------
-- zerotrace_ingest: granted to the ingest service's login role; owns nothing, so forced RLS
--                   filters everything it does.
-- zerotrace_auth:   owns the two SECURITY DEFINER functions below and nothing else.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['zerotrace_ingest', 'zerotrace_auth'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE', r);
        ELSIF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r AND (rolsuper OR rolbypassrls)) THEN
            -- Row-level security would not apply to it: refuse rather than isolate nothing.
            RAISE EXCEPTION 'role % exists and is SUPERUSER or BYPASSRLS', r;
        END IF;
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Fingerprints: one row per (company, fingerprint) → INSERT … ON CONFLICT (company_id,
-- fingerprint) DO UPDATE. NULL for rows that do not come from agents (NULLs never conflict).
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['vulnerabilities_v2', 'vulnerabilities', 'system_vulnerabilities',
        'network_findings', 'compliance_checks', 'auth_findings', 'database_findings',
        'api_findings', 'container_findings', 'ai_ml_findings', 'iot_ot_findings',
        'privacy_findings', 'web3_findings', 'config_findings']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ADD COLUMN fingerprint varchar(64)', t);
        EXECUTE format('CREATE UNIQUE INDEX %I ON public.%I (company_id, fingerprint)',
                       'ux_' || t || '_company_fingerprint', t);
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- vulnerabilities_v2: the last scan that reported the finding (agent_id is in the seed), and
-- the remediation, which the seed gives no column for in v2 nor in network_findings
-- ---------------------------------------------------------------------------------------------
ALTER TABLE public.vulnerabilities_v2
    ADD COLUMN remediation text,
    ADD COLUMN scan_id uuid,
    ADD CONSTRAINT vulnerabilities_v2_scan_id_fkey
        FOREIGN KEY (scan_id) REFERENCES public.scans (id) ON DELETE SET NULL;
CREATE INDEX idx_vulnerabilities_v2_scan_id ON public.vulnerabilities_v2 (scan_id);
-- Resolution and per-agent listings: an agent's findings by status.
CREATE INDEX idx_vulnerabilities_v2_company_agent_status ON public.vulnerabilities_v2 (company_id, agent_id, status);

-- ---------------------------------------------------------------------------------------------
-- Category rows → their vulnerabilities_v2 row. The key includes company_id, so a category
-- row can only point at a finding of its own company (and the FK stays Citus-colocatable).
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['system_vulnerabilities', 'network_findings', 'compliance_checks',
        'auth_findings', 'database_findings', 'api_findings', 'container_findings',
        'ai_ml_findings', 'iot_ot_findings', 'privacy_findings', 'web3_findings',
        'config_findings']
    LOOP
        EXECUTE format('ALTER TABLE public.%I ADD COLUMN vulnerability_id uuid,'
                       ' ADD CONSTRAINT %I FOREIGN KEY (vulnerability_id, company_id)'
                       ' REFERENCES public.vulnerabilities_v2 (id, company_id) ON DELETE CASCADE',
                       t, t || '_vulnerability_fkey');
        EXECUTE format('CREATE INDEX %I ON public.%I (vulnerability_id, company_id)',
                       'idx_' || t || '_vulnerability_id', t);
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Enrollment tokens (an operator creates one; an agent redeems it once per enrollment)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE public.enrollment_tokens (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    token_hash    varchar(64) NOT NULL UNIQUE,   -- SHA-256 hex of the token, never the token
    token_prefix  varchar(16) NOT NULL,          -- first characters, for display
    description   text,
    max_uses      integer CHECK (max_uses >= 0), -- NULL: unlimited
    uses          integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
    expires_at    timestamptz,                   -- NULL: never
    revoked_at    timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_enrollment_tokens_company_id ON public.enrollment_tokens (company_id);

SELECT public.isolate_by_company('public.enrollment_tokens');

-- ---------------------------------------------------------------------------------------------
-- Agents: key prefix, liveness, revocation, enrolling token.
-- Status values used by the code: 'online', 'offline' (the default), 'revoked'.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE public.agents
    ADD COLUMN api_key_prefix varchar(16),
    ADD COLUMN last_seen_at timestamptz,
    ADD COLUMN revoked_at timestamptz,
    ADD COLUMN enrollment_token_id uuid,
    ADD CONSTRAINT agents_enrollment_token_id_fkey
        FOREIGN KEY (enrollment_token_id) REFERENCES public.enrollment_tokens (id) ON DELETE SET NULL;
CREATE INDEX idx_agents_enrollment_token_id ON public.agents (enrollment_token_id);
CREATE INDEX idx_agents_last_seen_at ON public.agents (last_seen_at);

-- ---------------------------------------------------------------------------------------------
-- config_files reported by an agent: one row per (company, agent, path), upserted.
-- Uploaded files (agent_id NULL) never conflict with each other.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE public.config_files
    ADD COLUMN agent_id uuid,
    ADD CONSTRAINT config_files_agent_id_fkey
        FOREIGN KEY (agent_id) REFERENCES public.agents (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX ux_config_files_company_agent_path ON public.config_files (company_id, agent_id, file_path);
CREATE INDEX idx_config_files_agent_id ON public.config_files (agent_id);

-- ---------------------------------------------------------------------------------------------
-- Batch idempotency: the ingest writes a batch and its row here in one transaction; a retried
-- batch finds its batch_id and is acknowledged without being written again.
-- scan_id has no foreign key: the row records what arrived, whatever happens to the scan.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE public.ingested_batches (
    batch_id          uuid PRIMARY KEY,
    company_id        uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    agent_id          uuid NOT NULL REFERENCES public.agents (id) ON DELETE CASCADE,
    scan_id           uuid,
    part              integer NOT NULL DEFAULT 1 CHECK (part >= 1),
    parts             integer NOT NULL DEFAULT 1 CHECK (parts >= 1),
    finding_count     integer NOT NULL CHECK (finding_count >= 0),
    dependency_count  integer NOT NULL CHECK (dependency_count >= 0),
    received_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (part <= parts)
);
CREATE INDEX idx_ingested_batches_company_scan ON public.ingested_batches (company_id, scan_id);
CREATE INDEX idx_ingested_batches_agent_id ON public.ingested_batches (agent_id);
CREATE INDEX idx_ingested_batches_received_at ON public.ingested_batches (received_at);

SELECT public.isolate_by_company('public.ingested_batches');

-- ---------------------------------------------------------------------------------------------
-- Authentication before any company is known: two SECURITY DEFINER functions owned by
-- zerotrace_auth, which sees exactly what they need through its own narrow policies.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION public.zt_authenticate_agent(p_key_hash text)
    RETURNS TABLE (agent_id uuid, company_id uuid, revoked boolean)
    LANGUAGE sql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    SELECT a.id, a.company_id, a.revoked_at IS NOT NULL
    FROM public.agents AS a
    WHERE a.api_key = p_key_hash
$$;

COMMENT ON FUNCTION public.zt_authenticate_agent(text) IS
    'The agent whose api_key (SHA-256 hex) is p_key_hash, of any company; no row: unknown key.';

-- Row-locking UPDATE: concurrent redemptions of a max_uses token serialise on the row and
-- re-check uses < max_uses (READ COMMITTED), so a token is never used more than max_uses times.
CREATE FUNCTION public.zt_redeem_enrollment_token(p_token_hash text)
    RETURNS TABLE (token_id uuid, company_id uuid)
    LANGUAGE sql
    VOLATILE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
    UPDATE public.enrollment_tokens AS t
    SET uses = t.uses + 1
    WHERE t.token_hash = p_token_hash
      AND t.revoked_at IS NULL
      AND (t.expires_at IS NULL OR t.expires_at > now())
      AND (t.max_uses IS NULL OR t.uses < t.max_uses)
    RETURNING t.id, t.company_id
$$;

COMMENT ON FUNCTION public.zt_redeem_enrollment_token(text) IS
    'Counts one use of a valid token and returns it; no row: unknown, used up, expired or revoked.';

ALTER FUNCTION public.zt_authenticate_agent(text) OWNER TO zerotrace_auth;
ALTER FUNCTION public.zt_redeem_enrollment_token(text) OWNER TO zerotrace_auth;
REVOKE ALL ON FUNCTION public.zt_authenticate_agent(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION public.zt_redeem_enrollment_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.zt_authenticate_agent(text) TO zerotrace_ingest;
GRANT EXECUTE ON FUNCTION public.zt_redeem_enrollment_token(text) TO zerotrace_ingest;

-- Policies for the function owner only (permissive: OR-ed with company_isolation).
CREATE POLICY auth_lookup ON public.agents FOR SELECT TO zerotrace_auth USING (true);
CREATE POLICY auth_redeem ON public.enrollment_tokens FOR ALL TO zerotrace_auth
    USING (true) WITH CHECK (true);

GRANT USAGE ON SCHEMA public TO zerotrace_auth;
GRANT SELECT (id, company_id, api_key, revoked_at) ON public.agents TO zerotrace_auth;
GRANT SELECT, UPDATE (uses) ON public.enrollment_tokens TO zerotrace_auth;

-- ---------------------------------------------------------------------------------------------
-- The ingest role: all DML on tenant tables (restricted by RLS), narrower on the tables
-- without RLS, where a grant would reach every company.
-- ---------------------------------------------------------------------------------------------
GRANT USAGE ON SCHEMA public TO zerotrace_ingest;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO zerotrace_ingest;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO zerotrace_ingest;
-- companies: read, and insert for admin commands; no update/delete of any tenant.
REVOKE UPDATE, DELETE ON public.companies FROM zerotrace_ingest;
-- Shared reference data: read only. system_logs: append only.
REVOKE INSERT, UPDATE, DELETE ON public.cve_database, public.config_standards FROM zerotrace_ingest;
REVOKE UPDATE, DELETE ON public.system_logs FROM zerotrace_ingest;

GRANT EXECUTE ON FUNCTION public.set_company_context(uuid) TO zerotrace_ingest;
GRANT EXECUTE ON FUNCTION public.current_company_id() TO zerotrace_ingest;

-- Tables and sequences created later by the migrating role get the same grants (a table with
-- company_id must still get its own RLS and company_isolation policy in its migration).
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zerotrace_ingest;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO zerotrace_ingest;
