package io.kubeward.alert.app.rule;

import java.time.Instant;

/** Port: when the serving certificate of a cluster's apiserver expires. */
public interface ApiserverCertificates {

  /**
   * The {@code notAfter} of the certificate the apiserver presents.
   *
   * @throws RuntimeException with a message saying why it could not be read
   */
  Instant notAfter(String cluster);
}
