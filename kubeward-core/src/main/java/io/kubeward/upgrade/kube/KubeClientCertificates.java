package io.kubeward.upgrade.kube;

import io.fabric8.kubernetes.client.Config;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.upgrade.app.ClientCertificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads the client certificate of Kubeward's connection to a cluster from its client configuration
 * (the kubeconfig's {@code client-certificate-data} or {@code client-certificate}).
 */
public final class KubeClientCertificates implements ClientCertificates {

  private final ClusterClients clients;

  public KubeClientCertificates(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<Instant> notAfter(String cluster) {
    Config config = clients.kubeward(cluster).getConfiguration();
    try {
      if (config.getClientCertData() != null && !config.getClientCertData().isBlank()) {
        byte[] pem = Base64.getMimeDecoder().decode(config.getClientCertData());
        return Optional.of(read(new ByteArrayInputStream(pem)));
      }
      if (config.getClientCertFile() != null && !config.getClientCertFile().isBlank()) {
        try (InputStream in = Files.newInputStream(Path.of(config.getClientCertFile()))) {
          return Optional.of(read(in));
        }
      }
      return Optional.empty();
    } catch (IOException | CertificateException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot read Kubeward's client certificate: " + e.getMessage(), e);
    }
  }

  private static Instant read(InputStream in) throws CertificateException {
    X509Certificate certificate =
        (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    return certificate.getNotAfter().toInstant();
  }
}
