-- Issue 18: single sign-on (ADR 0054). Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL
-- mode (ADR 0008).

-- Where a user comes from: 'local' (password) or 'sso' (provisioned at each OIDC sign-in, no
-- password: its password_hash is a marker no hasher accepts).
ALTER TABLE users ADD COLUMN source VARCHAR(16) DEFAULT 'local' NOT NULL;

-- The extra Kubernetes groups a user is impersonated with (from the SSO group mappings), loaded
-- with the user on every request like user_grants.
CREATE TABLE user_kube_groups (
  user_id BIGINT NOT NULL,
  group_name VARCHAR(253) NOT NULL,
  CONSTRAINT user_kube_groups_pk PRIMARY KEY (user_id, group_name),
  CONSTRAINT user_kube_groups_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Sign-ins under way (authorization code + PKCE): found by the hash of the state, bound to the
-- browser by a cookie holding the state; used once, refused after expires_at.
CREATE TABLE sso_pending (
  state_hash CHAR(64) PRIMARY KEY,
  nonce VARCHAR(128) NOT NULL,
  code_verifier VARCHAR(128) NOT NULL,
  redirect_uri VARCHAR(1000) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sso_pending_expires_ix ON sso_pending (expires_at);
