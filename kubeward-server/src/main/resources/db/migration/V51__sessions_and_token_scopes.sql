-- Issue 11: sessions end on credential changes across replicas, disabled users, token scopes.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (see ADR 0008, ADR 0016).

-- Raised whenever the user's sessions must end; a session remembers the epoch it signed in with.
ALTER TABLE users ADD COLUMN credential_epoch BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;

-- What a token narrows its user's grants to. Tokens made before have no narrowing and may not make
-- tokens (the right to make tokens is new and must be given explicitly).
ALTER TABLE api_tokens ADD COLUMN read_only BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE api_tokens ADD COLUMN cluster_name VARCHAR(253);
-- comma-separated namespace names (names cannot hold commas); NULL: every namespace
ALTER TABLE api_tokens ADD COLUMN namespace_names TEXT;
ALTER TABLE api_tokens ADD COLUMN can_create_tokens BOOLEAN DEFAULT FALSE NOT NULL;
