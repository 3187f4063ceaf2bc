-- Issue 17: security posture exceptions (ADR 0050). A check's failures in a scope (cluster,
-- namespace or one object) do not lower the score until expires_at. Portable SQL: runs on
-- PostgreSQL and on H2 in PostgreSQL mode (ADR 0008). Expired rows are kept (shown as expired).
CREATE TABLE posture_exceptions (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    cluster_name VARCHAR(63)   NOT NULL,
    check_id     VARCHAR(63)   NOT NULL,
    scope        VARCHAR(16)   NOT NULL,
    namespace    VARCHAR(63),
    kind         VARCHAR(63),
    object_name  VARCHAR(253),
    reason       VARCHAR(1000) NOT NULL,
    expires_at   TIMESTAMP     NOT NULL,
    created_by   VARCHAR(255)  NOT NULL,
    created_at   TIMESTAMP     NOT NULL
);
CREATE INDEX posture_exceptions_cluster ON posture_exceptions (cluster_name, created_at);
