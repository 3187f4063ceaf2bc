-- Issue 14: alert channels (ADR 0033).
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0008).
-- settings_json holds the type's plain settings (a JSON object of strings). The secrets (passwords,
-- HMAC keys, signing secrets, URLs that embed a token) are one JSON object encrypted with the
-- cluster credentials' key (AES-256-GCM, ADR 0009; associated data "alert-channel:<name>") and
-- never returned; secret_names lists their names (comma-separated) so that a channel whose secrets
-- no longer decrypt still lists.
CREATE TABLE kubeward_alert_channel (
    name                    VARCHAR(63)   NOT NULL PRIMARY KEY,
    channel_type            VARCHAR(32)   NOT NULL,
    enabled                 BOOLEAN       NOT NULL,
    language                VARCHAR(8)    NOT NULL,
    settings_json           TEXT          NOT NULL,
    secret_names            VARCHAR(1024) NOT NULL,
    secrets_encrypted       TEXT,
    allow_private_addresses BOOLEAN       NOT NULL,
    max_per_minute          INTEGER       NOT NULL,
    title_template          TEXT,
    body_template           TEXT,
    updated_by              VARCHAR(255)  NOT NULL,
    updated_at              TIMESTAMP     NOT NULL
);
