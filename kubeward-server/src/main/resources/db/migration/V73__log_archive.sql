-- Issue 13: each cluster's log archive (Elasticsearch/OpenSearch), ADR 0028.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0008).
-- The secret (password, bearer token or API key) is encrypted with the cluster credentials' key
-- (AES-256-GCM, ADR 0009) and never returned.
CREATE TABLE kubeward_log_archive (
    cluster_name            VARCHAR(63)   NOT NULL PRIMARY KEY,
    url                     VARCHAR(2048) NOT NULL,
    index_pattern           VARCHAR(255)  NOT NULL,
    auth_kind               VARCHAR(16)   NOT NULL,
    username                VARCHAR(256),
    secret_encrypted        TEXT,
    insecure_skip_verify    BOOLEAN       NOT NULL,
    ca_pem                  TEXT,
    allow_private_addresses BOOLEAN       NOT NULL,
    timeout_millis          BIGINT        NOT NULL,
    field_timestamp         VARCHAR(128)  NOT NULL,
    field_namespace         VARCHAR(128)  NOT NULL,
    field_pod               VARCHAR(128)  NOT NULL,
    field_container         VARCHAR(128)  NOT NULL,
    field_message           VARCHAR(128)  NOT NULL,
    keyword_suffix          VARCHAR(33)   NOT NULL,
    updated_by              VARCHAR(255)  NOT NULL,
    updated_at              TIMESTAMP     NOT NULL
);
