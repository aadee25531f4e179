-- 0010_enrichment_upsert.sql — one enrichment row of each type per v1 vulnerability, so the
-- batch writer can upsert the threat intelligence of a CVE finding (CISA KEV, EPSS, CVSS) on
-- every scan and rematch instead of adding a row each time. See ../SCHEMA.md ("0010").
--
-- Nothing wrote enrichment_results before this migration, so no existing row can collide.
CREATE UNIQUE INDEX enrichment_results_one_per_type
    ON public.enrichment_results (company_id, vulnerability_id, enrichment_type);
