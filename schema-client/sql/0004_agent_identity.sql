-- 0004_agent_identity.sql — which machine an agent runs on. See ../SCHEMA.md.
--
-- An agent enrolls with its machine id (/etc/machine-id) and, where readable, the hardware
-- UUID. Enrolling the same machine again in the same company (its key was lost) gives back
-- the same agent row with a new key; a second machine that claims the same machine id with
-- another hardware UUID (a cloned image) gets its own row, flagged by clone_of.

ALTER TABLE public.agents
    ADD COLUMN machine_id varchar(128),
    ADD COLUMN hardware_uuid varchar(64),
    ADD COLUMN clone_of uuid REFERENCES public.agents (id) ON DELETE SET NULL;

CREATE INDEX idx_agents_company_machine ON public.agents (company_id, machine_id);
CREATE INDEX idx_agents_clone_of ON public.agents (clone_of);
