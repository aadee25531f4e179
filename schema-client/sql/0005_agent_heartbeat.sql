-- 0005_agent_heartbeat.sql — what heartbeats tell about an agent beyond its metrics: whether
-- it is still there, and whether its api key runs on two machines. See ../SCHEMA.md.

-- The status people read. Heartbeats, enrollment and revocation store agents.status; an
-- unrevoked agent not heard from in three heartbeat intervals (or never) reads as 'offline'
-- whatever was stored. The interval is the one the ingest advises its agents.
CREATE FUNCTION public.zt_agent_status(p_status text, p_revoked_at timestamptz,
                                       p_last_seen_at timestamptz, p_heartbeat_interval interval)
    RETURNS text
    LANGUAGE sql STABLE
AS $$
    SELECT CASE
        WHEN p_revoked_at IS NULL
             AND (p_last_seen_at IS NULL OR p_last_seen_at < now() - 3 * p_heartbeat_interval)
        THEN 'offline'
        ELSE p_status
    END
$$;
COMMENT ON FUNCTION public.zt_agent_status(text, timestamptz, timestamptz, interval) IS
    'agents.status, or offline when an unrevoked agent missed three heartbeat intervals';

-- A copied state directory: two running machines heartbeat with one api key. Each heartbeat
-- carries the kernel's boot id; boot_ids holds the agent's last distinct ones, newest first.
-- A reboot only ever brings a new one, so a boot id that returns after another one means two
-- machines take turns: the agent is flagged, never merged.
ALTER TABLE public.agents
    ADD COLUMN boot_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN clone_suspected_at timestamptz,
    ADD COLUMN clone_reason text;
