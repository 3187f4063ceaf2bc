-- Issue 13: resolved findings and site-specific runbook text (ADR 0029).
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0008).

-- Resolved findings, written by the replica that leads the cluster, kept resolved-retention and
-- at most max-resolved-per-cluster per cluster. Active findings live in each replica's memory.
-- body: JSON {title, explanation, evidence, suggestedFix} as users read them.
CREATE TABLE kubeward_finding (
    id                VARCHAR(32)   NOT NULL PRIMARY KEY,
    cluster_name      VARCHAR(63)   NOT NULL,
    rule_id           VARCHAR(63)   NOT NULL,
    severity          VARCHAR(16)   NOT NULL,
    subject_kind      VARCHAR(63)   NOT NULL,
    subject_namespace VARCHAR(63),
    subject_name      VARCHAR(253)  NOT NULL,
    first_seen        TIMESTAMP     NOT NULL,
    last_seen         TIMESTAMP     NOT NULL,
    resolved_at       TIMESTAMP     NOT NULL,
    body              TEXT          NOT NULL
);
CREATE INDEX kubeward_finding_cluster_resolved ON kubeward_finding (cluster_name, resolved_at);
CREATE INDEX kubeward_finding_subject ON kubeward_finding (cluster_name, subject_kind, subject_namespace, subject_name);

-- Text an administrator attached to a rule's runbook (markdown, at most 32 KiB).
CREATE TABLE kubeward_runbook_site (
    rule_id    VARCHAR(63)  NOT NULL PRIMARY KEY,
    markdown   TEXT         NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    updated_at TIMESTAMP    NOT NULL
);
