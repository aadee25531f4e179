-- 0001_seed_schema.sql — every table of the seed schema (shared/seed-schema.md), columns by
-- the seed's names, none dropped or renamed. See ../SCHEMA.md.
--
-- Run by the migration runner in one transaction (no BEGIN/COMMIT here). Everything lives in
-- schema public. Conventions:
--   * id uuid PRIMARY KEY DEFAULT gen_random_uuid() (built in since PostgreSQL 13).
--   * created_at/updated_at timestamptz NOT NULL DEFAULT now(); writers set updated_at.
--   * Strings an agent supplies are text (an over-long value must not reject a whole batch);
--     short enumerations are bounded varchar.
--   * JSONB objects default '{}', JSONB lists default '[]'.
--   * vulnerabilities_v2, network_findings and compliance_checks are hash partitioned by
--     company_id (4 partitions); their primary keys include company_id.
--   * Every foreign key column is the leading column of an index.

-- ---------------------------------------------------------------------------------------------
-- Tenants, people, agents, scans
-- ---------------------------------------------------------------------------------------------

CREATE TABLE public.companies (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(255) NOT NULL,
    domain      varchar(255) UNIQUE,
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    status      varchar(32) NOT NULL DEFAULT 'active',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.users (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id     uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    email          varchar(255) NOT NULL UNIQUE,
    password_hash  varchar(255),
    name           varchar(255),
    role           varchar(50) NOT NULL DEFAULT 'viewer',
    status         varchar(32) NOT NULL DEFAULT 'active',
    last_login     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- api_key holds the SHA-256 hex hash of the agent's key, never the key itself.
CREATE TABLE public.agents (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    name          text,
    hostname      text,
    status        varchar(32) NOT NULL DEFAULT 'offline',
    version       varchar(64),
    api_key       varchar(128) UNIQUE,
    capabilities  jsonb NOT NULL DEFAULT '{}'::jsonb,
    metrics       jsonb NOT NULL DEFAULT '{}'::jsonb,
    os            text,
    os_version    text,
    cpu_cores     integer CHECK (cpu_cores >= 0),
    memory_gb     numeric(12,2) CHECK (memory_gb >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.scans (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id  uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    agent_id    uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    scan_type   varchar(50) NOT NULL DEFAULT 'full',
    status      varchar(32) NOT NULL DEFAULT 'running',
    progress    integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    start_time  timestamptz,
    end_time    timestamptz,
    options     jsonb NOT NULL DEFAULT '{}'::jsonb,
    results     jsonb NOT NULL DEFAULT '{}'::jsonb,
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- Vulnerabilities: v1 (package CVEs) and the unified v2 list (partitioned)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE public.vulnerabilities (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    scan_id            uuid REFERENCES public.scans (id) ON DELETE SET NULL,
    company_id         uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    agent_id           uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    type               varchar(50),
    severity           varchar(20) NOT NULL,
    title              text NOT NULL,
    description        text,
    cve_id             varchar(64),
    cvss_score         numeric(3,1) CHECK (cvss_score BETWEEN 0 AND 10),
    package_name       text,
    "references"       jsonb NOT NULL DEFAULT '[]'::jsonb,
    enrichment_data    jsonb NOT NULL DEFAULT '{}'::jsonb,
    exploit_available  boolean NOT NULL DEFAULT false,
    exploit_count      integer NOT NULL DEFAULT 0 CHECK (exploit_count >= 0),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_vulnerabilities_cve_id ON public.vulnerabilities (cve_id);

-- organization_id: a seed column with no table behind it in the seed, so no foreign key.
CREATE TABLE public.vulnerabilities_v2 (
    id                     uuid NOT NULL DEFAULT gen_random_uuid(),
    agent_id               uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id             uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    organization_id        uuid,
    title                  text NOT NULL,
    description            text,
    severity               varchar(20) NOT NULL,
    category               varchar(50) NOT NULL,
    status                 varchar(32) NOT NULL DEFAULT 'open',
    risk_score             numeric(4,2) CHECK (risk_score BETWEEN 0 AND 10),
    exploit_complexity     varchar(20),
    attack_vector          varchar(50),
    compliance_frameworks  jsonb NOT NULL DEFAULT '[]'::jsonb,
    "references"           jsonb NOT NULL DEFAULT '[]'::jsonb,
    tags                   jsonb NOT NULL DEFAULT '[]'::jsonb,
    metadata               jsonb NOT NULL DEFAULT '{}'::jsonb,
    enrichment_data        jsonb NOT NULL DEFAULT '{}'::jsonb,
    discovered_at          timestamptz NOT NULL DEFAULT now(),
    last_seen              timestamptz NOT NULL DEFAULT now(),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, company_id)
) PARTITION BY HASH (company_id);
CREATE TABLE public.vulnerabilities_v2_p0 PARTITION OF public.vulnerabilities_v2 FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE public.vulnerabilities_v2_p1 PARTITION OF public.vulnerabilities_v2 FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE public.vulnerabilities_v2_p2 PARTITION OF public.vulnerabilities_v2 FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE public.vulnerabilities_v2_p3 PARTITION OF public.vulnerabilities_v2 FOR VALUES WITH (MODULUS 4, REMAINDER 3);

-- ---------------------------------------------------------------------------------------------
-- Category tables (one per finding category)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE public.network_findings (
    id                   uuid NOT NULL DEFAULT gen_random_uuid(),
    agent_id             uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id           uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    scan_id              uuid REFERENCES public.scans (id) ON DELETE SET NULL,
    host                 text,
    port                 integer CHECK (port BETWEEN 0 AND 65535),
    protocol             varchar(50),
    service_name         text,
    service_version      text,
    ssl_enabled          boolean,
    ssl_version          varchar(50),
    ssl_cipher           text,
    ssl_cert_expiry      timestamptz,
    vulnerability_count  integer,
    metadata             jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, company_id)
) PARTITION BY HASH (company_id);
CREATE TABLE public.network_findings_p0 PARTITION OF public.network_findings FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE public.network_findings_p1 PARTITION OF public.network_findings FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE public.network_findings_p2 PARTITION OF public.network_findings FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE public.network_findings_p3 PARTITION OF public.network_findings FOR VALUES WITH (MODULUS 4, REMAINDER 3);
-- No severity/category/title/description columns in the seed: those live on vulnerabilities_v2.
CREATE INDEX idx_network_findings_company_host_port ON public.network_findings (company_id, host, port);

CREATE TABLE public.compliance_checks (
    id           uuid NOT NULL DEFAULT gen_random_uuid(),
    agent_id     uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id   uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    framework    varchar(100),
    category     varchar(100),
    requirement  text,
    status       varchar(32),
    severity     varchar(20),
    description  text,
    remediation  text,
    evidence     jsonb NOT NULL DEFAULT '{}'::jsonb,
    metadata     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, company_id)
) PARTITION BY HASH (company_id);
CREATE TABLE public.compliance_checks_p0 PARTITION OF public.compliance_checks FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE public.compliance_checks_p1 PARTITION OF public.compliance_checks FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE public.compliance_checks_p2 PARTITION OF public.compliance_checks FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE public.compliance_checks_p3 PARTITION OF public.compliance_checks FOR VALUES WITH (MODULUS 4, REMAINDER 3);
-- compliance_checks has no title: full-text over description only.

CREATE TABLE public.system_vulnerabilities (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id            uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id          uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    vulnerability_type  varchar(100),
    os_name             text,
    os_version          text,
    component_name      text,
    component_version   text,
    cve_id              varchar(64),
    severity            varchar(20),
    title               text,
    description         text,
    remediation         text,
    patch_available     boolean,
    patch_url           text,
    eol_date            date,
    metadata            jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_system_vulnerabilities_cve_id ON public.system_vulnerabilities (cve_id);

CREATE TABLE public.auth_findings (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id      uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    finding_type  varchar(100),
    user_account  text,
    severity      varchar(20),
    title         text,
    description   text,
    risk_score    numeric(4,2) CHECK (risk_score BETWEEN 0 AND 10),
    remediation   text,
    metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.database_findings (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id       uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id     uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    database_type  varchar(50),
    host           text,
    port           integer CHECK (port BETWEEN 0 AND 65535),
    database_name  text,
    finding_type   varchar(100),
    severity       varchar(20),
    title          text,
    description    text,
    remediation    text,
    metadata       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.api_findings (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id      uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    api_type      varchar(50),
    endpoint      text,
    method        varchar(20),
    finding_type  varchar(100),
    severity      varchar(20),
    title         text,
    description   text,
    remediation   text,
    metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.container_findings (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id      uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    container_id  text,
    image_name    text,
    image_tag     text,
    finding_type  varchar(100),
    severity      varchar(20),
    title         text,
    description   text,
    remediation   text,
    metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.ai_ml_findings (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id       uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id     uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    finding_type   varchar(100),
    model_name     text,
    model_version  text,
    framework      varchar(100),
    severity       varchar(20),
    title          text,
    description    text,
    remediation    text,
    metadata       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.iot_ot_findings (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id      uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    device_type   varchar(100),
    device_id     text,
    protocol      varchar(50),
    finding_type  varchar(100),
    severity      varchar(20),
    title         text,
    description   text,
    remediation   text,
    metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.privacy_findings (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id      uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    finding_type  varchar(100),
    data_type     varchar(100),
    location      text,
    severity      varchar(20),
    title         text,
    description   text,
    remediation   text,
    metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE public.web3_findings (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id          uuid REFERENCES public.agents (id) ON DELETE CASCADE,
    company_id        uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    finding_type      varchar(100),
    contract_address  text,
    network           varchar(100),
    severity          varchar(20),
    title             text,
    description       text,
    remediation       text,
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- ---------------------------------------------------------------------------------------------
-- CVE reference data and enrichment
-- ---------------------------------------------------------------------------------------------

-- Shared reference data (no company_id; a Citus reference table later).
CREATE TABLE public.cve_database (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    cve_id              varchar(64) NOT NULL UNIQUE,
    title               text,
    description         text,
    cvss_score          numeric(3,1) CHECK (cvss_score BETWEEN 0 AND 10),
    cvss_vector         varchar(255),
    severity            varchar(20),
    published_date      timestamptz,
    last_modified_date  timestamptz,
    "references"        jsonb NOT NULL DEFAULT '[]'::jsonb,
    affected_products   jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_cve_database_published_date ON public.cve_database (published_date);

CREATE TABLE public.enrichment_results (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    vulnerability_id     uuid REFERENCES public.vulnerabilities (id) ON DELETE CASCADE,
    company_id           uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    enrichment_type      varchar(50),
    risk_score           numeric(4,2) CHECK (risk_score BETWEEN 0 AND 10),
    trend                varchar(50),
    recommendations      jsonb NOT NULL DEFAULT '[]'::jsonb,
    threat_intelligence  jsonb NOT NULL DEFAULT '{}'::jsonb,
    ml_predictions       jsonb NOT NULL DEFAULT '{}'::jsonb,
    confidence_score     numeric(6,3),
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_enrichment_results_vulnerability_id ON public.enrichment_results (vulnerability_id);

-- ---------------------------------------------------------------------------------------------
-- Supporting tables
-- ---------------------------------------------------------------------------------------------

CREATE TABLE public.dependencies (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    scan_id          uuid REFERENCES public.scans (id) ON DELETE CASCADE,
    company_id       uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    name             text NOT NULL,
    version          text,
    type             varchar(50),
    location         text,
    license          text,
    vulnerabilities  jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_dependencies_company_name ON public.dependencies (company_id, name);

CREATE TABLE public.reports (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id    uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    scan_id       uuid REFERENCES public.scans (id) ON DELETE SET NULL,
    name          varchar(255) NOT NULL,
    format        varchar(20) NOT NULL DEFAULT 'pdf',
    status        varchar(32) NOT NULL DEFAULT 'pending',
    file_path     text,
    file_size     bigint CHECK (file_size >= 0),
    download_url  text,
    options       jsonb NOT NULL DEFAULT '{}'::jsonb,
    generated_by  uuid REFERENCES public.users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz
);
CREATE INDEX idx_reports_generated_by ON public.reports (generated_by);

CREATE TABLE public.audit_logs (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id     uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    user_id        uuid REFERENCES public.users (id) ON DELETE SET NULL,
    action         varchar(100) NOT NULL,
    resource_type  varchar(100),
    resource_id    varchar(255),
    old_values     jsonb,
    new_values     jsonb,
    ip_address     inet,
    user_agent     text,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_audit_logs_user_id ON public.audit_logs (user_id);

-- Service logs, not tenant data: no company_id.
CREATE TABLE public.system_logs (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    level       varchar(20) NOT NULL,
    service     varchar(100) NOT NULL,
    message     text NOT NULL,
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_system_logs_level ON public.system_logs (level);

-- ---------------------------------------------------------------------------------------------
-- Configuration auditor
-- ---------------------------------------------------------------------------------------------

CREATE TABLE public.config_files (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id        uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    uploaded_by       uuid REFERENCES public.users (id) ON DELETE SET NULL,
    filename          text,
    file_path         text,
    file_hash         varchar(128),
    device_type       varchar(100),
    manufacturer      varchar(100),
    model             varchar(100),
    firmware_version  varchar(100),
    config_type       varchar(50),
    parsing_status    varchar(32) NOT NULL DEFAULT 'pending',
    parsed_data       jsonb NOT NULL DEFAULT '{}'::jsonb,
    analysis_status   varchar(32) NOT NULL DEFAULT 'pending',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_config_files_uploaded_by ON public.config_files (uploaded_by);

-- Shared reference data (no company_id; a Citus reference table later).
CREATE TABLE public.config_standards (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    standard_name          varchar(255) NOT NULL,
    manufacturer           varchar(100),
    device_type            varchar(100),
    requirement_id         varchar(100),
    requirement_title      text,
    check_type             varchar(50),
    check_pattern          text,
    expected_value         text,
    default_severity       varchar(20),
    remediation_guidance   text,
    compliance_frameworks  jsonb NOT NULL DEFAULT '[]'::jsonb,
    status                 varchar(32) NOT NULL DEFAULT 'active',
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_config_standards_standard_requirement ON public.config_standards (standard_name, requirement_id);

CREATE TABLE public.config_findings (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    config_file_id         uuid REFERENCES public.config_files (id) ON DELETE CASCADE,
    company_id             uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    finding_type           varchar(100),
    severity               varchar(20),
    category               varchar(100),
    title                  text,
    description            text,
    affected_component     text,
    config_snippet         text,
    line_numbers           jsonb NOT NULL DEFAULT '[]'::jsonb,
    standard_id            uuid REFERENCES public.config_standards (id) ON DELETE SET NULL,
    compliance_frameworks  jsonb NOT NULL DEFAULT '[]'::jsonb,
    remediation            text,
    risk_score             numeric(4,2) CHECK (risk_score BETWEEN 0 AND 10),
    status                 varchar(32) DEFAULT 'open',
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_config_findings_config_file_id ON public.config_findings (config_file_id);
CREATE INDEX idx_config_findings_standard_id ON public.config_findings (standard_id);

CREATE TABLE public.config_analysis_results (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    config_file_id          uuid REFERENCES public.config_files (id) ON DELETE CASCADE,
    company_id              uuid NOT NULL REFERENCES public.companies (id) ON DELETE CASCADE,
    total_findings          integer NOT NULL DEFAULT 0 CHECK (total_findings >= 0),
    critical_findings       integer NOT NULL DEFAULT 0 CHECK (critical_findings >= 0),
    compliance_scores       jsonb NOT NULL DEFAULT '{}'::jsonb,
    overall_security_score  numeric(5,2),
    overall_risk_score      numeric(4,2) CHECK (overall_risk_score BETWEEN 0 AND 10),
    report_path             text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_config_analysis_results_config_file_id ON public.config_analysis_results (config_file_id);

-- Listings by company and state or time.
CREATE INDEX idx_agents_company_status ON public.agents (company_id, status);
CREATE INDEX idx_scans_company_status ON public.scans (company_id, status);
CREATE INDEX idx_reports_company_status ON public.reports (company_id, status);
CREATE INDEX idx_audit_logs_company_created_at ON public.audit_logs (company_id, created_at);

-- ---------------------------------------------------------------------------------------------
-- The seed's indexing strategy, applied to every table above in one place:
--   composite (company_id, severity) and (company_id, category); severity, category, status
--   and created_at on their own; a GIN full-text index on title and description (description
--   alone where a table has no title); and every single-column foreign key that does not
--   already lead an index (company_id, agent_id, scan_id…), so deletes and joins stay cheap.
-- Indexes on a partitioned table are created on each of its partitions as well.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE
    t regclass;
    name text;
    col text;
    fk record;
    has_column CONSTANT text := 'SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = $1 AND attname = $2 AND NOT attisdropped)';
    present boolean;
    has_company boolean;
    has_title boolean;
    has_description boolean;
BEGIN
    FOR t, name IN
        SELECT c.oid, c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND NOT c.relispartition
    LOOP
        EXECUTE has_column INTO has_company USING t, 'company_id';
        FOREACH col IN ARRAY ARRAY['severity', 'category'] LOOP
            EXECUTE has_column INTO present USING t, col;
            IF has_company AND present THEN
                EXECUTE format('CREATE INDEX %I ON %s (company_id, %I)',
                               'idx_' || name || '_company_' || col, t, col);
            END IF;
        END LOOP;
        FOREACH col IN ARRAY ARRAY['severity', 'category', 'status', 'created_at'] LOOP
            EXECUTE has_column INTO present USING t, col;
            IF present THEN
                EXECUTE format('CREATE INDEX %I ON %s (%I)', 'idx_' || name || '_' || col, t, col);
            END IF;
        END LOOP;
        EXECUTE has_column INTO has_title USING t, 'title';
        EXECUTE has_column INTO has_description USING t, 'description';
        IF has_title AND has_description THEN
            EXECUTE format('CREATE INDEX %I ON %s USING gin (to_tsvector(''english'','
                           ' coalesce(title, '''') || '' '' || coalesce(description, '''')))',
                           'idx_' || name || '_fts', t);
        ELSIF has_description THEN
            EXECUTE format('CREATE INDEX %I ON %s USING gin (to_tsvector(''english'','
                           ' coalesce(description, '''')))', 'idx_' || name || '_fts', t);
        END IF;
    END LOOP;

    FOR fk IN
        SELECT con.conrelid::regclass AS tbl, rel.relname AS tbl_name, att.attname AS col
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
        WHERE con.contype = 'f' AND array_length(con.conkey, 1) = 1
          AND rel.relnamespace = 'public'::regnamespace AND NOT rel.relispartition
          AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indrelid = con.conrelid
                          AND i.indkey[0] = con.conkey[1])
    LOOP
        EXECUTE format('CREATE INDEX %I ON %s (%I)', 'idx_' || fk.tbl_name || '_' || fk.col,
                       fk.tbl, fk.col);
    END LOOP;
END
$$;
