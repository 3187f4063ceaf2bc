package io.kubeward.testkit.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aggregation layer's certificates: one CA, the right names and usages, verifiable chains. */
class AggregationPkiTest {

  @TempDir Path dir;

  @Test
  void caSignsTheFrontProxyKubeletClientAndKwokServingCertificates() throws Exception {
    AggregationPki pki = AggregationPki.generate(dir);

    X509Certificate ca = read(pki.caCert());
    X509Certificate frontProxy = read(pki.frontProxyClientCert());
    X509Certificate kubelet = read(pki.kubeletClientCert());
    X509Certificate kwok = read(pki.kwokServingCert());

    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    for (X509Certificate leaf : List.of(frontProxy, kubelet, kwok)) {
      leaf.verify(ca.getPublicKey());
      assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
    }
    assertThat(frontProxy.getSubjectX500Principal().getName()).isEqualTo("CN=front-proxy-client");
    assertThat(frontProxy.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(kubelet.getSubjectX500Principal().getName())
        .isEqualTo("CN=kube-apiserver-kubelet,O=system:masters");
    assertThat(kwok.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(kwok.getSubjectAlternativeNames())
        .extracting(name -> (Object) name.get(1))
        .containsExactlyInAnyOrder("127.0.0.1", "localhost");
    assertThat(Files.readString(pki.kwokServingKey())).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  private static X509Certificate read(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
