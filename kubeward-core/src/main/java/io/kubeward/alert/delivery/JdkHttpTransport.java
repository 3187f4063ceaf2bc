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
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The HTTP transport of channels: the JDK client over HTTP/1.1, never following a redirect (a
 * redirect would bypass the SSRF guard: a 3xx is a failure), no proxy, a connect and a request
 * timeout, and at most {@code maxResponseBytes} of the answer read.
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
    HttpResponse<InputStream> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = new BoundedInputStream(response.body(), settings.maxResponseBytes())) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Transports.HttpAnswer(response.statusCode(), body);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
