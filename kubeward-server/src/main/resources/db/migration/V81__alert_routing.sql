-- Issue 14: alert routing (ADR 0032): the notification policy, silences, the notification log and
-- the holds already recorded in the history.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0008).

-- The notification policy document, one row per saved version (the newest is in force).
-- document: JSON as PUT /api/v1/alerting/policy takes it.
CREATE TABLE kubeward_alert_policy (
    version    BIGINT       NOT NULL PRIMARY KEY,
    document   TEXT         NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    updated_at TIMESTAMP    NOT NULL
);

-- Silences. matchers: JSON array of Prometheus-style matchers; cluster_name: the value of the
-- silence's cluster="..." matcher, if it has one (who may see and change it).
CREATE TABLE kubeward_silence (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    cluster_name VARCHAR(63),
    matchers     TEXT          NOT NULL,
    starts_at    TIMESTAMP     NOT NULL,
    ends_at      TIMESTAMP     NOT NULL,
    comment      VARCHAR(1000) NOT NULL,
    created_by   VARCHAR(255)  NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    updated_by   VARCHAR(255),
    updated_at   TIMESTAMP
);
CREATE INDEX kubeward_silence_ends ON kubeward_silence (ends_at);

-- The notification log: what each channel was last told about each group (Alertmanager's nflog).
-- group_hash: SHA-256 (hex) of group_key; firing/resolved: JSON arrays of fingerprints.
CREATE TABLE kubeward_alert_notification_log (
    scope_key   VARCHAR(80)   NOT NULL,
    group_hash  VARCHAR(64)   NOT NULL,
    channel     VARCHAR(63)   NOT NULL,
    group_key   TEXT          NOT NULL,
    firing      TEXT          NOT NULL,
    resolved    TEXT          NOT NULL,
    has_firing  BOOLEAN       NOT NULL,
    sent_at     TIMESTAMP     NOT NULL,
    PRIMARY KEY (scope_key, group_hash, channel)
);
CREATE INDEX kubeward_alert_notification_log_sent ON kubeward_alert_notification_log (sent_at);

-- Holds (silence, inhibition, mute) already recorded in the history for one firing of an alert.
CREATE TABLE kubeward_alert_hold (
    scope_key    VARCHAR(80)  NOT NULL,
    fingerprint  VARCHAR(32)  NOT NULL,
    firing_since TIMESTAMP    NOT NULL,
    reason       VARCHAR(120) NOT NULL,
    noted_at     TIMESTAMP    NOT NULL,
    PRIMARY KEY (scope_key, fingerprint, firing_since, reason)
);
