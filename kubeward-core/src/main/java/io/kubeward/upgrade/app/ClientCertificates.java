package io.kubeward.upgrade.app;

import java.time.Instant;
import java.util.Optional;

/** Port: the client certificate Kubeward presents to a cluster, if its kubeconfig has one. */
public interface ClientCertificates {

  /**
   * When Kubeward's client certificate for {@code cluster} expires; empty when it signs in another
   * way (token, exec plugin).
   *
   * @throws RuntimeException with a message saying why it could not be read
   */
  Optional<Instant> notAfter(String cluster);
}
