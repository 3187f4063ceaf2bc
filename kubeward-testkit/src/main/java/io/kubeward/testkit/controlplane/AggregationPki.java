package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The certificates of the aggregation layer and of the emulated kubelets, made with {@code openssl}
 * (P-256 keys, about 20 ms in all): one test CA that signs
 *
 * <ul>
 *   <li>{@code front-proxy-client}: the client certificate kube-apiserver presents when it proxies
 *       a request to an aggregated API server (metrics-server), which trusts the CA through {@code
 *       --requestheader-client-ca-file} and the allowed name;
 *   <li>{@code kubelet-client}: kube-apiserver's client certificate towards kubelets (KWOK);
 *   <li>{@code kwok-serving}: the serving certificate of KWOK's kubelet server (127.0.0.1,
 *       localhost).
 * </ul>
 */
final class AggregationPki {

  static final String FRONT_PROXY_CLIENT = "front-proxy-client";
  private static final long TIMEOUT_SECONDS = 30;

  private static final String OPENSSL_CONFIG =
      """
      [req]
      distinguished_name = dn
      prompt = no
      [dn]
      CN = kubeward-testkit
      [ca]
      basicConstraints = critical,CA:TRUE
      keyUsage = critical,keyCertSign,cRLSign,digitalSignature
      subjectKeyIdentifier = hash
      [client]
      basicConstraints = critical,CA:FALSE
      keyUsage = critical,digitalSignature
      extendedKeyUsage = clientAuth
      authorityKeyIdentifier = keyid
      [server]
      basicConstraints = critical,CA:FALSE
      keyUsage = critical,digitalSignature
      extendedKeyUsage = serverAuth
      subjectAltName = IP:127.0.0.1,DNS:localhost
      authorityKeyIdentifier = keyid
      """;

  private final Path dir;

  private AggregationPki(Path dir) {
    this.dir = dir;
  }

  static AggregationPki generate(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("openssl.cnf"), OPENSSL_CONFIG);
    } catch (IOException e) {
      throw new ControlPlaneException("Cannot write to " + dir + ": " + e.getMessage(), e);
    }
    AggregationPki pki = new AggregationPki(dir);
    pki.issue("ca", "ca", "/CN=kubeward-testkit-ca", false);
    pki.issue("front-proxy-client", "client", "/CN=" + FRONT_PROXY_CLIENT, true);
    pki.issue("kubelet-client", "client", "/O=system:masters/CN=kube-apiserver-kubelet", true);
    pki.issue("kwok-serving", "server", "/CN=kwok", true);
    return pki;
  }

  /**
   * Adds etcd's serving certificate (127.0.0.1, localhost), a client certificate etcd trusts
   * ({@code etcd-client}, used by kube-apiserver and by tests) and one it does not trust ({@code
   * etcd-stranger}, self-signed): for {@link ControlPlaneOptions.Builder#etcdTls}.
   */
  void issueEtcd() {
    issue("etcd-serving", "server", "/CN=etcd", true);
    issue("etcd-client", "client", "/CN=kube-apiserver-etcd-client", true);
    issue("etcd-stranger", "client", "/CN=etcd-stranger", false);
  }

  Path dir() {
    return dir;
  }

  Path caCert() {
    return dir.resolve("ca.crt");
  }

  Path frontProxyClientCert() {
    return dir.resolve("front-proxy-client.crt");
  }

  Path frontProxyClientKey() {
    return dir.resolve("front-proxy-client.key");
  }

  Path kubeletClientCert() {
    return dir.resolve("kubelet-client.crt");
  }

  Path kubeletClientKey() {
    return dir.resolve("kubelet-client.key");
  }

  Path kwokServingCert() {
    return dir.resolve("kwok-serving.crt");
  }

  Path kwokServingKey() {
    return dir.resolve("kwok-serving.key");
  }

  private void issue(String name, String extensions, String subject, boolean signedByCa) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "req",
                "-x509",
                "-new",
                "-config",
                dir.resolve("openssl.cnf").toString(),
                "-extensions",
                extensions,
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-noenc",
                "-days",
                "3650",
                "-subj",
                subject,
                "-keyout",
                dir.resolve(name + ".key").toString(),
                "-out",
                dir.resolve(name + ".crt").toString()));
    if (signedByCa) {
      command.addAll(
          List.of("-CA", caCert().toString(), "-CAkey", dir.resolve("ca.key").toString()));
    }
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ControlPlaneException("openssl did not make " + name + " within 30 s");
      }
      if (process.exitValue() != 0) {
        throw new ControlPlaneException(
            "openssl could not make the certificate "
                + name
                + " (exit "
                + process.exitValue()
                + "): "
                + new String(output, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new ControlPlaneException(
          "The local control plane makes its aggregation-layer certificates with openssl, which"
              + " could not run ("
              + e.getMessage()
              + "); install the Debian package 'openssl'",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("Interrupted while making certificates", e);
    }
  }
}
