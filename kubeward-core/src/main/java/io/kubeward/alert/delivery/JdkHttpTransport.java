package io.kubeward.alert.delivery;

import io.kubeward.alert.app.channel.DeliverySettings;
import io.kubeward.alert.app.channel.Transports;
import io.kubeward.alert.domain.channel.HttpPost;
import io.kubeward.history.prometheus.BoundedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP transport of channels: the JDK client over HTTP/1.1, never following a redirect (a
 * redirect would bypass the SSRF guard: a 3xx is a failure), no proxy, a connect and a request
 * timeout (headers and body: a body trickling in is cut at the deadline), and at most {@code
 * maxResponseBytes} of the answer read.
 */
public final class JdkHttpTransport implements Transports.HttpSender, AutoCloseable {

  /** Headers the JDK client sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final DeliverySettings settings;

  public JdkHttpTransport(DeliverySettings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(settings.connectTimeout())
            .build();
  }

  @Override
  public Transports.HttpAnswer post(HttpPost post) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(post.url())
            .timeout(settings.requestTimeout())
            .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
    post.headers()
        .forEach(
            (name, value) -> {
              if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
              }
            });
    long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    // the request timeout covers the headers; a body trickling in is cut at the same deadline
    InputStream raw = response.body();
    AtomicBoolean done = new AtomicBoolean();
    long left = Math.max(0, deadline - System.nanoTime());
    CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              if (!done.get()) {
                try {
                  raw.close();
                } catch (IOException ignored) {
                  // the reader sees the closed stream
                }
              }
            });
    try (InputStream in = new BoundedInputStream(raw, settings.maxResponseBytes())) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Transports.HttpAnswer(response.statusCode(), body);
    } catch (IOException e) {
      if (System.nanoTime() - deadline >= 0) {
        throw new HttpTimeoutException(
            "the answer was not read within " + settings.requestTimeout());
      }
      throw e;
    } finally {
      done.set(true);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
