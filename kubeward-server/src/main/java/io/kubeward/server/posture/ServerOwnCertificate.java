package io.kubeward.server.posture;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubeward.alert.kube.rule.TlsApiserverCertificates;
import io.kubeward.posture.app.OwnCertificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Kubeward's own serving certificate. Kubeward serves plain HTTP unless Spring Boot's {@code
 * server.ssl.*} is configured (TLS normally ends at the proxy in front of it, see {@code
 * kubeward.security.trusted-proxies}); then the certificate is read with a TLS handshake to its own
 * port by the alerting module's {@link TlsApiserverCertificates} (the same code that reads the
 * apiserver's, not a copy).
 */
final class ServerOwnCertificate implements OwnCertificate {

  private final boolean tls;
  private final TlsApiserverCertificates reader;
  private KubernetesClient self;

  ServerOwnCertificate(Environment env, Duration timeout, Clock clock) {
    boolean configured =
        env.containsProperty("server.ssl.bundle")
            || env.containsProperty("server.ssl.key-store")
            || env.containsProperty("server.ssl.certificate");
    this.tls = configured && env.getProperty("server.ssl.enabled", Boolean.class, true);
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8443"));
    this.reader =
        new TlsApiserverCertificates(ignored -> self(port), timeout, Duration.ofMinutes(10), clock);
  }

  private synchronized KubernetesClient self(String port) {
    if (self == null) {
      self =
          new KubernetesClientBuilder()
              .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:" + port).build())
              .build();
    }
    return self;
  }

  @Override
  public Optional<Instant> notAfter() {
    return tls ? Optional.of(reader.notAfter("kubeward")) : Optional.empty();
  }
}
