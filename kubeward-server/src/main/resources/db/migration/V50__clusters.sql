-- Clusters added at runtime (issue 3, part B). The kubeconfig is stored encrypted (AES-256-GCM,
-- see docs/adr/0009-cluster-registry.md) and never returned by the API.
CREATE TABLE kubeward_cluster (
    name                 VARCHAR(63)      NOT NULL PRIMARY KEY,
    context_name         VARCHAR(253),
    kubeconfig_encrypted VARCHAR(4000000) NOT NULL,
    added_by             VARCHAR(255)     NOT NULL,
    added_at             TIMESTAMP        NOT NULL
);
