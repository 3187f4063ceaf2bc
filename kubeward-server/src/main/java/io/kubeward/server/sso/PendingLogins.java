package io.kubeward.server.sso;

import io.kubeward.server.persistence.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-ins under way, in table {@code sso_pending} (so the provider may send the browser back to
 * any replica): found by the SHA-256 of the state, taken at most once, refused after they expire.
 */
final class PendingLogins {

  /** What the callback needs to finish a sign-in. */
  record Pending(String nonce, String codeVerifier, String redirectUri) {}

  private final JdbcClient jdbc;

  PendingLogins(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void save(String stateHash, Pending pending, Instant expiresAt, Instant now) {
    jdbc.sql("DELETE FROM sso_pending WHERE expires_at < ?").param(Timestamps.param(now)).update();
    jdbc.sql(
            "INSERT INTO sso_pending (state_hash, nonce, code_verifier, redirect_uri, expires_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            stateHash,
            pending.nonce(),
            pending.codeVerifier(),
            pending.redirectUri(),
            Timestamps.param(expiresAt))
        .update();
  }

  /** The sign-in of {@code stateHash}, removed in the same step; empty if unknown or expired. */
  Optional<Pending> take(String stateHash, Instant now) {
    Optional<Pending> found =
        jdbc.sql(
                "SELECT nonce, code_verifier, redirect_uri FROM sso_pending"
                    + " WHERE state_hash = ? AND expires_at >= ?")
            .params(stateHash, Timestamps.param(now))
            .query(
                (rs, n) ->
                    new Pending(
                        rs.getString("nonce"),
                        rs.getString("code_verifier"),
                        rs.getString("redirect_uri")))
            .optional();
    int deleted =
        jdbc.sql("DELETE FROM sso_pending WHERE state_hash = ?").param(stateHash).update();
    // only the request that deleted the row may use it (two replicas racing on one state)
    return deleted == 1 ? found : Optional.empty();
  }
}
