package io.kubeward.alert.kube.rule;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.alert.app.rule.ApiserverCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the serving certificate of a cluster's apiserver with a TLS handshake to the address
 * Kubeward's own client uses (nothing is sent after the handshake, so the certificate is only read,
 * never trusted). Answers are kept for {@code cacheFor}, failures are not.
 */
public final class TlsApiserverCertificates implements ApiserverCertificates {

  private record Known(Instant notAfter, Instant readAt) {}

  private final Function<String, KubernetesClient> clients;
  private final Duration timeout;
  private final Duration cacheFor;
  private final Clock clock;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  public TlsApiserverCertificates(
      Function<String, KubernetesClient> clients,
      Duration timeout,
      Duration cacheFor,
      Clock clock) {
    this.clients = clients;
    this.timeout = timeout;
    this.cacheFor = cacheFor;
    this.clock = clock;
  }

  @Override
  public Instant notAfter(String cluster) {
    Instant now = clock.instant();
    Known k = known.get(cluster);
    if (k != null && Duration.between(k.readAt(), now).compareTo(cacheFor) < 0) {
      return k.notAfter();
    }
    URI uri = URI.create(clients.apply(cluster).getConfiguration().getMasterUrl());
    Instant notAfter = read(uri);
    known.put(cluster, new Known(notAfter, now));
    return notAfter;
  }

  Instant read(URI uri) {
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalStateException(
          "the apiserver is reached over " + uri.getScheme() + ", not TLS");
    }
    int port = uri.getPort() < 0 ? 443 : uri.getPort();
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new ReadOnly()}, null);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(
            uri.getHost().chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')
                ? java.util.List.of()
                : java.util.List.of(new javax.net.ssl.SNIHostName(uri.getHost())));
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        Certificate[] chain = socket.getSession().getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
          throw new IllegalStateException("the apiserver presented no X.509 certificate");
        }
        return leaf.getNotAfter().toInstant();
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot read the apiserver's certificate at " + uri.getHost() + ":" + port + ": " + e, e);
    }
  }

  /** Accepts any chain: the handshake only reads the certificate, nothing is sent after it. */
  private static final class ReadOnly implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
