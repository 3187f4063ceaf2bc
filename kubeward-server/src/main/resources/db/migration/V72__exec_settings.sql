-- Issue 13: the per-cluster exec switch (ADR 0025). A cluster without a row has exec and
-- port-forward enabled; an administrator's change is audited (exec.configure).
CREATE TABLE kubeward_exec_settings (
    cluster_name VARCHAR(63)  NOT NULL PRIMARY KEY,
    enabled      BOOLEAN      NOT NULL,
    updated_by   VARCHAR(255) NOT NULL,
    updated_at   TIMESTAMP    NOT NULL
);
