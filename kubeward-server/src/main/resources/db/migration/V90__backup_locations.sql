-- Issue 16: storage locations of backups and etcd snapshots (ADR 0040).
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0008).
-- The built-in location "local" (kubeward.backups.directory) is not stored. The S3 credentials are
-- one JSON object {"accessKeyId","secretAccessKey"} encrypted with the cluster credentials' key
-- (AES-256-GCM, ADR 0009; associated data "backup-location:<name>") and never returned.
CREATE TABLE kubeward_backup_location (
    name                    VARCHAR(63)   NOT NULL PRIMARY KEY,
    location_type           VARCHAR(16)   NOT NULL,
    endpoint                VARCHAR(512),
    region                  VARCHAR(32),
    bucket                  VARCHAR(63),
    key_prefix              VARCHAR(256)  NOT NULL,
    path_style              BOOLEAN       NOT NULL,
    credentials_encrypted   TEXT,
    allow_private_addresses BOOLEAN       NOT NULL,
    updated_by              VARCHAR(255)  NOT NULL,
    updated_at              TIMESTAMP     NOT NULL
);
