-- Issue 16: etcd connections for snapshots (ADR 0043), one per cluster.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0008).
-- The client certificate and its key are encrypted with the cluster credentials' key (AES-256-GCM,
-- ADR 0009; associated data "etcd:<cluster>:cert" and "etcd:<cluster>:key") and never returned;
-- the CA is public and kept in the clear. Snapshots themselves live in a storage location
-- (etcd/<cluster>/<id>.db, .db.sha256, .json), not in the database.
CREATE TABLE etcd_connections (
    cluster_name   VARCHAR(63)   NOT NULL PRIMARY KEY,
    endpoints      VARCHAR(4200) NOT NULL,
    ca_pem         TEXT          NOT NULL,
    cert_encrypted TEXT          NOT NULL,
    key_encrypted  TEXT          NOT NULL,
    location       VARCHAR(63)   NOT NULL,
    retain_count   INTEGER       NOT NULL,
    updated_by     VARCHAR(255)  NOT NULL,
    updated_at     TIMESTAMP     NOT NULL
);
