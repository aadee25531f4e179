-- 0015_scan_baselines.sql — differential uploads: the base each agent's next delta is taken
-- against. See ../SCHEMA.md ("Differential uploads") and ../model/scan_baseline.hpp.
--
-- One row per agent and set of collectors: the digest of the last whole scan of those
-- collectors that the ingest wrote (sent whole or as a delta), and when that scan started.
-- Every finding that scan reported has last_seen at or after seen_at, which is how a delta
-- finds the findings it leaves unchanged. A scan that cannot be a base (partial, failed)
-- removes the row, so the next delta is refused and the agent sends its scan whole.

CREATE TABLE public.scan_baselines (
    company_id  uuid NOT NULL,
    agent_id    uuid NOT NULL,
    collectors  text NOT NULL,          -- the scan's collector names, sorted, joined by ","
    digest      char(64) NOT NULL,      -- SHA-256 hex of the scan's state
    scan_id     uuid NOT NULL,
    seen_at     timestamptz NOT NULL,   -- the scan's start_time: its findings' last_seen
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, agent_id, collectors),
    FOREIGN KEY (agent_id, company_id) REFERENCES public.agents (id, company_id) ON DELETE CASCADE
);
COMMENT ON TABLE public.scan_baselines IS
    'The digest of each agent''s last whole scan per set of collectors: the base of its next delta.';

SELECT public.isolate_by_company('public.scan_baselines');

INSERT INTO public.table_roles (table_name, role) VALUES ('public.scan_baselines', 'distributed');
