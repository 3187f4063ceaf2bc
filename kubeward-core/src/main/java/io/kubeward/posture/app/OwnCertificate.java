package io.kubeward.posture.app;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: Kubeward's own serving certificate. Empty when Kubeward serves plain HTTP (then the check
 * is not applicable: TLS ends at the proxy in front of it).
 */
public interface OwnCertificate {

  /**
   * When the certificate Kubeward serves expires; empty without TLS.
   *
   * @throws RuntimeException with a message saying why it could not be read
   */
  Optional<Instant> notAfter();
}
