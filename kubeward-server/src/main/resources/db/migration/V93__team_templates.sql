-- Issue 17: team templates edited by administrators (ADR 0045); the built-in ones are in code.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0008).
-- The template is stored as JSON (quota hard values, limit range, default deny, pod security level
-- and version, team role); it is validated again when read.
CREATE TABLE team_templates (
    name        VARCHAR(63)  NOT NULL PRIMARY KEY,
    body        TEXT         NOT NULL,
    updated_by  VARCHAR(255) NOT NULL,
    updated_at  TIMESTAMP    NOT NULL
);
