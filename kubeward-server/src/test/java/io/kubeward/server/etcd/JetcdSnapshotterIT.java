package io.kubeward.server.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.etcd.app.EtcdSnapshotter;
import io.kubeward.etcd.domain.EtcdConnection;
import io.kubeward.etcd.domain.EtcdException;
import io.kubeward.etcd.domain.EtcdTls;
import io.kubeward.etcd.domain.SnapshotDigest;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.ControlPlaneOptions;
import io.kubeward.testkit.etcd.Etcdutl;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gRPC snapshotter against a real etcd (the local control plane's, TLS with client
 * certificates): the stream is a snapshot etcdutl accepts, etcd's trailing hash checks out in Java,
 * and a client certificate etcd does not trust or an endpoint nobody listens on give the problem an
 * administrator can act on.
 */
class JetcdSnapshotterIT {

  static ControlPlane controlPlane;
  @TempDir static Path work;

  @BeforeAll
  static void start() {
    controlPlane =
        ControlPlane.start(ControlPlaneOptions.builder().etcdTls(true).nodes(List.of()).build());
  }

  @AfterAll
  static void stop() {
    if (controlPlane != null) {
      controlPlane.close();
    }
  }

  static EtcdConnection connection(String endpoint, Path cert, Path key) throws Exception {
    return new EtcdConnection(
        List.of(URI.create(endpoint)),
        Files.readString(controlPlane.etcdClientTls().caCert()),
        Files.readString(cert),
        Files.readString(key),
        "local",
        3);
  }

  static EtcdTls tls(EtcdConnection c) throws Exception {
    return EtcdTls.parse(c.caPem(), c.certPem(), c.keyPem());
  }

  final JetcdSnapshotter snapshotter =
      new JetcdSnapshotter(Duration.ofSeconds(5), Duration.ofMinutes(5), 1L << 30);

  @Test
  void streamsASnapshotEtcdutlAccepts() throws Exception {
    var t = controlPlane.etcdClientTls();
    EtcdConnection c = connection(controlPlane.etcdEndpoint(), t.clientCert(), t.clientKey());
    Path file = work.resolve("snapshot.db");
    EtcdSnapshotter.Taken taken;
    SnapshotDigest digest;
    try (OutputStream out = Files.newOutputStream(file)) {
      digest = new SnapshotDigest(out);
      taken = snapshotter.snapshot("local", c, tls(c), digest);
    }
    assertThat(taken.revision()).isPositive();
    assertThat(taken.etcdVersion()).isEqualTo("3.6.16");
    assertThat(digest.size()).isEqualTo(Files.size(file)).isPositive();
    assertThat(digest.etcdIntegrity()).isEqualTo(SnapshotDigest.Integrity.OK);
    assertThat(Etcdutl.locate().status(file)).contains("\"revision\"");
  }

  @Test
  void aCertificateEtcdDoesNotTrustIsATlsFailure() throws Exception {
    var t = controlPlane.etcdClientTls();
    EtcdConnection c = connection(controlPlane.etcdEndpoint(), t.strangerCert(), t.strangerKey());
    assertThatThrownBy(
            () -> snapshotter.snapshot("local", c, tls(c), OutputStream.nullOutputStream()))
        .isInstanceOfSatisfying(
            EtcdException.class, e -> assertThat(e.code()).isEqualTo(EtcdException.TLS_FAILED));
  }

  @Test
  void aSnapshotLargerThanTheLimitIsCutOff() throws Exception {
    var t = controlPlane.etcdClientTls();
    EtcdConnection c = connection(controlPlane.etcdEndpoint(), t.clientCert(), t.clientKey());
    JetcdSnapshotter small =
        new JetcdSnapshotter(Duration.ofSeconds(5), Duration.ofMinutes(5), 1024);
    assertThatThrownBy(() -> small.snapshot("local", c, tls(c), OutputStream.nullOutputStream()))
        .isInstanceOfSatisfying(
            EtcdException.class,
            e -> assertThat(e.getMessage()).contains("kubeward.etcd.max-snapshot-size"));
  }

  @Test
  void anEndpointNobodyListensOnIsUnavailable() throws Exception {
    var t = controlPlane.etcdClientTls();
    EtcdConnection c = connection("https://127.0.0.1:1", t.clientCert(), t.clientKey());
    assertThatThrownBy(
            () -> snapshotter.snapshot("local", c, tls(c), OutputStream.nullOutputStream()))
        .isInstanceOfSatisfying(
            EtcdException.class, e -> assertThat(e.code()).isEqualTo(EtcdException.UNAVAILABLE));
  }
}
