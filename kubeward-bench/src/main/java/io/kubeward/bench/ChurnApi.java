package io.kubeward.bench;

import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A lean client for the churn's pod writes: the JDK's HttpClient over HTTP/2 with pre-built byte
 * bodies, no model objects, no serializer. Several clients (each its own connection), each with a
 * bound on its requests in flight (below the apiserver's 250 streams per HTTP/2 connection).
 */
final class ChurnApi implements AutoCloseable {

  private final HttpClient[] clients;
  private final Semaphore[] inFlight;
  private final ExecutorService executor;
  private final String pods;
  private final String authorization;

  ChurnApi(Config config, String namespace, int connections, int inFlightPerConnection) {
    this.executor =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("churn-http-", 0).daemon(true).factory());
    SSLContext ssl = sslContext(config);
    this.clients = new HttpClient[connections];
    this.inFlight = new Semaphore[connections];
    for (int i = 0; i < connections; i++) {
      clients[i] =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_2)
              .sslContext(ssl)
              .executor(executor)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      inFlight[i] = new Semaphore(inFlightPerConnection);
    }
    String base = config.getMasterUrl().replaceAll("/+$", "");
    this.pods = base + "/api/v1/namespaces/" + namespace + "/pods";
    this.authorization = "Bearer " + config.getOauthToken();
  }

  /** Sends a pod create; completes with true on a 2xx answer. */
  CompletableFuture<Boolean> create(long sequence, byte[] pod, Runnable sending) {
    return send(
        sequence,
        sending,
        HttpRequest.newBuilder(URI.create(pods))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(pod)));
  }

  /** Sends a JSON merge patch of one pod. */
  CompletableFuture<Boolean> patch(
      long sequence, String name, byte[] mergePatch, Runnable sending) {
    return send(
        sequence,
        sending,
        HttpRequest.newBuilder(URI.create(pods + "/" + name))
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(mergePatch)));
  }

  /** Deletes one pod without a grace period. */
  CompletableFuture<Boolean> delete(long sequence, String name, Runnable sending) {
    return send(
        sequence,
        sending,
        HttpRequest.newBuilder(URI.create(pods + "/" + name + "?gracePeriodSeconds=0")).DELETE());
  }

  /**
   * Blocks until the chosen connection has room, runs {@code sending} (the send time is taken
   * there, after any wait for room), then sends without waiting for the answer.
   */
  private CompletableFuture<Boolean> send(
      long sequence, Runnable sending, HttpRequest.Builder request) {
    int connection = (int) Math.floorMod(sequence, clients.length);
    Semaphore permits = inFlight[connection];
    permits.acquireUninterruptibly();
    HttpRequest built =
        request
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      sending.run();
      return clients[connection]
          .sendAsync(built, HttpResponse.BodyHandlers.discarding())
          .handle(
              (response, error) -> {
                permits.release();
                return error == null && response.statusCode() / 100 == 2;
              });
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private static SSLContext sslContext(Config config) {
    try {
      byte[] pem;
      if (config.getCaCertData() != null) {
        pem = Base64.getDecoder().decode(config.getCaCertData());
      } else if (config.getCaCertFile() != null) {
        pem = Files.readAllBytes(Path.of(config.getCaCertFile()));
      } else {
        return SSLContext.getDefault();
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))) {
        trust.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot trust the apiserver's CA", e);
    }
  }

  @Override
  public void close() {
    for (HttpClient client : clients) {
      client.close();
    }
    executor.shutdownNow();
  }

  static String describe(int connections, int inFlightPerConnection) {
    return "%d HTTP/2 connections (JDK HttpClient, pre-built bodies), ≤ %d requests in flight each"
        .formatted(connections, inFlightPerConnection);
  }
}
