-- 0014_citus_ready_keys.sql — every table has a role for a distributed database (Citus), and
-- every key of a table distributed by company_id includes company_id. See ../../docs/SCALING.md.
--
-- Before: primary keys (id), agents.api_key, enrollment_tokens.token_hash and the foreign keys
-- to agents, enrollment_tokens, config_files and vulnerabilities named no company, so Citus
-- could not distribute those tables by company_id (a shard can only enforce a key that holds
-- its distribution column).
-- After: table_roles says which tables are 'distributed' (by company_id, co-located) and which
-- are 'reference' (one copy on every node); the keys of distributed tables include company_id;
-- the two lookups that start from a secret alone (authentication by api key, enrollment by
-- token) find the company in a reference directory keyed by the secret's hash, which also keeps
-- those hashes unique over all companies. Behaviour is unchanged.

-- ---------------------------------------------------------------------------------------------
-- The roles. A later migration that adds a table adds its row here (the schema test fails on
-- a table without one). Partitions follow their parent and have no row.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE public.table_roles (
    table_name  regclass PRIMARY KEY,
    role        text NOT NULL CHECK (role IN ('distributed', 'reference'))
);
COMMENT ON TABLE public.table_roles IS
    'Each table''s place in a distributed database: distributed by company_id, or reference.';

-- The directories: which company a secret belongs to, read before any company is known.
-- Kept by triggers on agents and enrollment_tokens (below); only zerotrace_auth reads them.
-- Each names its hash column as its source table does.
CREATE TABLE public.agent_key_directory (
    api_key     varchar(128) PRIMARY KEY,  -- agents.api_key: SHA-256 hex of the key
    company_id  uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE
);
CREATE TABLE public.enrollment_token_directory (
    token_hash  varchar(64) PRIMARY KEY,   -- enrollment_tokens.token_hash
    company_id  uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE
);

INSERT INTO public.table_roles (table_name, role)
SELECT t::regclass, 'reference'
FROM unnest(ARRAY[
    'public.companies',           -- few rows; companies.domain stays unique over all tenants
    'public.users',               -- few rows; users.email stays unique (a login names no company)
    'public.cve_database', 'public.osv_records', 'public.osv_affected', 'public.debian_tracker',
    'public.kev_entries', 'public.epss_scores',  -- the vulnerability feeds
    'public.config_standards',    -- the shipped configuration standards
    'public.system_logs',         -- no company
    'public.schema_migrations', 'public.table_roles',
    'public.agent_key_directory', 'public.enrollment_token_directory']) AS t;

INSERT INTO public.table_roles (table_name, role)
SELECT c.oid::regclass, 'distributed'
FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM public.table_roles r WHERE r.table_name = c.oid::regclass);

DO $$
DECLARE
    missing text;
BEGIN
    -- Every table called distributed here must have the distribution column.
    SELECT string_agg(r.table_name::text, ', ') INTO missing
    FROM public.table_roles r
    WHERE r.role = 'distributed'
      AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                      WHERE a.attrelid = r.table_name AND a.attname = 'company_id'
                        AND NOT a.attisdropped);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'tables without company_id cannot be distributed by it: %', missing;
    END IF;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Secrets: unique per company in their table, unique over all companies in the directory.
-- ---------------------------------------------------------------------------------------------
INSERT INTO public.agent_key_directory (api_key, company_id)
SELECT api_key, company_id FROM public.agents WHERE api_key IS NOT NULL;
INSERT INTO public.enrollment_token_directory (token_hash, company_id)
SELECT token_hash, company_id FROM public.enrollment_tokens;

ALTER TABLE public.agents DROP CONSTRAINT agents_api_key_key;
ALTER TABLE public.agents ADD CONSTRAINT agents_api_key_key UNIQUE (company_id, api_key);
ALTER TABLE public.enrollment_tokens DROP CONSTRAINT enrollment_tokens_token_hash_key;
ALTER TABLE public.enrollment_tokens
    ADD CONSTRAINT enrollment_tokens_token_hash_key UNIQUE (company_id, token_hash);

-- One trigger function for both directories, SECURITY DEFINER as zerotrace_auth: the writers
-- of agents and tokens need no grant on the directories. TG_ARGV[0] is the directory and
-- TG_ARGV[1] the hash column, named alike in the table and its directory. A hash taken by
-- another row (of any company) fails the directory's primary key, as the old unique
-- constraint did.
CREATE FUNCTION public.zt_file_secret() RETURNS trigger
    LANGUAGE plpgsql
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    old_hash text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> TG_ARGV[1] END;
    new_hash text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> TG_ARGV[1] END;
BEGIN
    IF old_hash IS NOT NULL THEN
        EXECUTE format('DELETE FROM public.%I WHERE %I = $1', TG_ARGV[0], TG_ARGV[1])
            USING old_hash;
    END IF;
    IF new_hash IS NOT NULL THEN
        EXECUTE format('INSERT INTO public.%I (%I, company_id) VALUES ($1, $2)',
                       TG_ARGV[0], TG_ARGV[1])
            USING new_hash, NEW.company_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER agents_key_directory
    AFTER INSERT OR DELETE OR UPDATE OF api_key, company_id ON public.agents
    FOR EACH ROW EXECUTE FUNCTION public.zt_file_secret('agent_key_directory', 'api_key');
CREATE TRIGGER enrollment_tokens_directory
    AFTER INSERT OR DELETE OR UPDATE OF token_hash, company_id ON public.enrollment_tokens
    FOR EACH ROW
    EXECUTE FUNCTION public.zt_file_secret('enrollment_token_directory', 'token_hash');

-- company_id: forced RLS like every such table (nobody sees a row without its company's
-- context); zerotrace_auth, their only reader and writer, sees them all through its own policy.
SELECT public.isolate_by_company('public.agent_key_directory');
SELECT public.isolate_by_company('public.enrollment_token_directory');
CREATE POLICY auth_directory ON public.agent_key_directory FOR ALL TO zerotrace_auth
    USING (true) WITH CHECK (true);
CREATE POLICY auth_directory ON public.enrollment_token_directory FOR ALL TO zerotrace_auth
    USING (true) WITH CHECK (true);
REVOKE ALL ON public.agent_key_directory, public.enrollment_token_directory FROM zerotrace_ingest;
GRANT SELECT, INSERT, DELETE ON public.agent_key_directory, public.enrollment_token_directory
    TO zerotrace_auth;
REVOKE INSERT, UPDATE, DELETE ON public.table_roles FROM zerotrace_ingest;
ALTER FUNCTION public.zt_file_secret() OWNER TO zerotrace_auth;
REVOKE ALL ON FUNCTION public.zt_file_secret() FROM PUBLIC;

-- The lookups in two steps: the company from the directory, then the row by company and hash
-- (on Citus a single-shard query, the company a plan parameter). Same signatures and answers.
CREATE OR REPLACE FUNCTION public.zt_authenticate_agent(p_key_hash text)
    RETURNS TABLE (agent_id uuid, company_id uuid, revoked boolean)
    LANGUAGE plpgsql
    STABLE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_company uuid;
BEGIN
    SELECT d.company_id INTO v_company FROM public.agent_key_directory AS d
    WHERE d.api_key = p_key_hash;
    RETURN QUERY
        SELECT a.id, a.company_id, a.revoked_at IS NOT NULL
        FROM public.agents AS a
        WHERE a.company_id = v_company AND a.api_key = p_key_hash;
END
$$;

CREATE OR REPLACE FUNCTION public.zt_redeem_enrollment_token(p_token_hash text)
    RETURNS TABLE (token_id uuid, company_id uuid)
    LANGUAGE plpgsql
    VOLATILE
    SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_company uuid;
BEGIN
    SELECT d.company_id INTO v_company FROM public.enrollment_token_directory AS d
    WHERE d.token_hash = p_token_hash;
    -- Row-locking UPDATE, as before: concurrent redemptions serialise on the token's row.
    RETURN QUERY
        UPDATE public.enrollment_tokens AS t
        SET uses = t.uses + 1
        WHERE t.company_id = v_company
          AND t.token_hash = p_token_hash
          AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > now())
          AND (t.max_uses IS NULL OR t.uses < t.max_uses)
        RETURNING t.id, t.company_id;
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Keys of distributed tables: the foreign keys between them that name no company are dropped,
-- every primary or unique key without company_id gets it appended (same name), and the
-- foreign keys come back as (columns…, company_id) → (columns…, company_id) with their rules;
-- SET NULL clears the named columns only (company_id is NOT NULL).
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
    fk record;
    k record;
    rule text;
BEGIN
    CREATE TEMPORARY TABLE zt_company_fks ON COMMIT DROP AS
        SELECT con.conrelid::regclass AS tbl, con.conname AS name,
               con.confrelid::regclass AS ref, con.confdeltype AS deltype,
               con.confupdtype AS updtype,
               (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY col.n)
                FROM unnest(con.conkey) WITH ORDINALITY AS col(attnum, n)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = col.attnum)
                   AS cols,
               (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY col.n)
                FROM unnest(con.confkey) WITH ORDINALITY AS col(attnum, n)
                JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = col.attnum)
                   AS refcols
        FROM pg_constraint con
        JOIN public.table_roles src ON src.table_name = con.conrelid
        JOIN public.table_roles dst ON dst.table_name = con.confrelid
        WHERE con.contype = 'f' AND con.conparentid = 0
          AND src.role = 'distributed' AND dst.role = 'distributed'
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                          WHERE a.attrelid = con.conrelid AND a.attname = 'company_id'
                            AND a.attnum = ANY (con.conkey));
    FOR fk IN SELECT * FROM zt_company_fks LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.name);
    END LOOP;

    FOR k IN
        SELECT con.conrelid::regclass AS tbl, con.conname AS name, con.contype AS type,
               (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY col.n)
                FROM unnest(con.conkey) WITH ORDINALITY AS col(attnum, n)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = col.attnum)
                   AS cols
        FROM pg_constraint con
        JOIN public.table_roles r ON r.table_name = con.conrelid AND r.role = 'distributed'
        WHERE con.contype IN ('p', 'u') AND con.conparentid = 0
          AND NOT EXISTS (SELECT 1 FROM pg_attribute a
                          WHERE a.attrelid = con.conrelid AND a.attname = 'company_id'
                            AND a.attnum = ANY (con.conkey))
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', k.tbl, k.name);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s (%s, company_id)', k.tbl, k.name,
                       CASE k.type WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, k.cols);
    END LOOP;

    FOR fk IN SELECT * FROM zt_company_fks LOOP
        rule := CASE fk.deltype WHEN 'c' THEN 'CASCADE'
                                WHEN 'n' THEN format('SET NULL (%s)', fk.cols)
                                WHEN 'd' THEN format('SET DEFAULT (%s)', fk.cols)
                                WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END;
        IF fk.updtype <> 'a' THEN
            RAISE EXCEPTION 'foreign key % of % has an ON UPDATE rule this migration does not'
                            ' carry over', fk.name, fk.tbl;
        END IF;
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I FOREIGN KEY (%s, company_id)'
                       ' REFERENCES %s (%s, company_id) ON DELETE %s',
                       fk.tbl, fk.name, fk.cols, fk.ref, fk.refcols, rule);
    END LOOP;
END
$$;
