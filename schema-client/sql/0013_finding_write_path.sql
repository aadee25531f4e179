-- 0013_finding_write_path.sql — fewer index entries per CVE finding. Each CVE finding is one
-- row in vulnerabilities_v2, vulnerabilities (v1), system_vulnerabilities and
-- enrichment_results: 35 index entries, three of them full-text vectors, which made most of
-- the cost of matching a fleet for the first time. See ../SCHEMA.md ("0013").
--
-- Full-text search over findings goes through vulnerabilities_v2, which holds every finding
-- of every category with the same title and description; the v1 and system rows of a CVE
-- finding are its details (they point to it by fingerprint and vulnerability_id).
DROP INDEX IF EXISTS public.idx_vulnerabilities_fts;
DROP INDEX IF EXISTS public.idx_system_vulnerabilities_fts;

-- Row-level security puts company_id = current_company_id() in every query of these tables,
-- so (company_id, severity) serves what the plain severity index served.
DROP INDEX IF EXISTS public.idx_vulnerabilities_severity;
DROP INDEX IF EXISTS public.idx_system_vulnerabilities_severity;

-- enrichment_results_one_per_type (0010) leads with company_id.
DROP INDEX IF EXISTS public.idx_enrichment_results_company_id;
