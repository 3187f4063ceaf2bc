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
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lean client for the churn's pod writes: the JDK's HttpClient over HTTP/2 with pre-built byte
 * bodies, no model objects, no serializer. Several clients (each its own connection), each with a
 * bound on its requests in flight (below the apiserver's 250 streams per HTTP/2 connection).
 */
final class ChurnApi implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChurnApi.class);

  private final AtomicInteger reportedFailures = new AtomicInteger();
  private final HttpClient[] clients;
  private final Semaphore[] inFlight;
  private final ExecutorService executor;
  private final String pods;
  private final String authorization;

  /**
   * {@code version}: HTTP/2 multiplexes each client's requests on one connection; HTTP/1.1 opens a
   * connection per request in flight (kept alive), which Go's server handles more cheaply.
   */
  ChurnApi(
      Config config,
      String namespace,
      HttpClient.Version version,
      int connections,
      int inFlightPerConnection) {
    this.executor =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("churn-http-", 0).daemon(true).factory());
    SSLContext ssl = sslContext(config);
    this.clients = new HttpClient[connections];
    this.inFlight = new Semaphore[connections];
    for (int i = 0; i < connections; i++) {
      clients[i] =
          HttpClient.newBuilder()
              .version(version)
              .sslContext(ssl)
              .executor(executor)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      inFlight[i] = new Semaphore(inFlightPerConnection);
    }
    String base = config.getMasterUrl().replaceAll("/+$", "");
    this.pods = base + "/api/v1/namespaces/" + namespace + "/pods";
    // a kubeconfig's token lands in autoOAuthToken; one set by hand in oauthToken
    String token =
        config.getOauthToken() != null ? config.getOauthToken() : config.getAutoOAuthToken();
    if (token == null) {
      throw new IllegalArgumentException("The churn's client needs a bearer token");
    }
    this.authorization = "Bearer " + token;
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
            // the apiserver answers with the whole pod: protobuf costs it less to encode than JSON
            .header("Accept", "application/vnd.kubernetes.protobuf, application/json")
            .timeout(Duration.ofSeconds(30))
            .build();
    try {
      sending.run();
      return clients[connection]
          .sendAsync(built, ChurnApi::bodyOfFailuresOnly)
          .handle(
              (response, error) -> {
                permits.release();
                boolean ok = error == null && response.statusCode() / 100 == 2;
                if (!ok && reportedFailures.getAndIncrement() < 5) {
                  log.warn(
                      "churn request {} {} failed: {}",
                      built.method(),
                      built.uri().getPath(),
                      error != null
                          ? error.toString()
                          : response.statusCode() + " " + abbreviate(response.body()));
                }
                return ok;
              });
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Answers to a change that succeeded are dropped unread; a failure's body says why. */
  private static HttpResponse.BodySubscriber<String> bodyOfFailuresOnly(
      HttpResponse.ResponseInfo info) {
    return info.statusCode() / 100 == 2
        ? HttpResponse.BodySubscribers.replacing(null)
        : HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
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

  static String describe(HttpClient.Version version, int clients, int inFlightPerClient) {
    return "the JDK HttpClient (%s, pre-built JSON bodies, answers asked in protobuf and dropped"
            .formatted(version == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1")
        + ", %d clients, ≤ %d requests in flight each)".formatted(clients, inFlightPerClient);
  }
}
