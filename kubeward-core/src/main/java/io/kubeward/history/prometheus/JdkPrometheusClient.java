package io.kubeward.history.prometheus;

import io.kubeward.common.KubewardException;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.history.app.PromLimits;
import io.kubeward.history.app.PromResult;
import io.kubeward.history.app.PrometheusApi;
import io.kubeward.history.app.PrometheusException;
import io.kubeward.history.domain.PrometheusSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus' HTTP API over the JDK's {@link HttpClient}, bounded in every direction (ADR 0021):
 *
 * <ul>
 *   <li>the SSRF guard resolves and checks the host before every request; redirects are never
 *       followed; no proxy;
 *   <li>connect timeout (configuration) and the cluster's request timeout, passed to Prometheus too
 *       ({@code timeout=}), so it stops evaluating; the whole exchange (DNS, connect, headers,
 *       body) runs on a virtual thread and the caller waits at most the timeout, then gets 504
 *       while the exchange is cancelled;
 *   <li>at most {@code maxConcurrent} exchanges at once, more get 503 at once (no queue, no lock
 *       held while waiting): a slow Prometheus cannot take the server's request threads;
 *   <li>the answer is read as a stream, at most {@code maxResponseBytes}, parsed as it arrives and
 *       dropped once {@code maxSeries}/{@code maxPoints} are reached ({@code truncated});
 *   <li>an answer that is not JSON (an HTML login page, a proxy's error page) is a clear problem.
 * </ul>
 */
public final class JdkPrometheusClient implements PrometheusApi, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JdkPrometheusClient.class);
  private static final Duration GRACE = Duration.ofMillis(250);

  private final PromLimits limits;
  private final OutboundGuard guard;
  private final Semaphore inFlight;
  private final ExecutorService exchanges =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("kubeward-prometheus-", 0).factory());
  private final Map<TlsKey, HttpClient> clients = new ConcurrentHashMap<>();

  private record TlsKey(String caPem, boolean insecure) {}

  public JdkPrometheusClient(PromLimits limits, OutboundGuard guard) {
    this.limits = limits;
    this.guard = guard;
    this.inFlight = new Semaphore(limits.maxConcurrent());
  }

  @Override
  public PromResult query(
      String cluster, PrometheusSettings settings, String promql, Instant time) {
    String form =
        "query=" + enc(promql) + "&time=" + seconds(time) + "&timeout=" + timeoutParam(settings);
    return result(call(cluster, settings, "/api/v1/query", form, PrometheusJson::queryData));
  }

  @Override
  public PromResult range(
      String cluster,
      PrometheusSettings settings,
      String promql,
      Instant start,
      Instant end,
      Duration step) {
    String form =
        "query="
            + enc(promql)
            + "&start="
            + seconds(start)
            + "&end="
            + seconds(end)
            + "&step="
            + plain(step.toMillis())
            + "&timeout="
            + timeoutParam(settings);
    return result(call(cluster, settings, "/api/v1/query_range", form, PrometheusJson::queryData));
  }

  @Override
  public List<String> metricNames(String cluster, PrometheusSettings settings, int max) {
    Outcome<List<String>> outcome =
        call(cluster, settings, "/api/v1/label/__name__/values", null, PrometheusJson.strings(max));
    return outcome.answer().data() == null ? List.of() : outcome.answer().data();
  }

  @Override
  public String version(String cluster, PrometheusSettings settings) {
    return call(cluster, settings, "/api/v1/status/buildinfo", null, PrometheusJson::version)
        .answer()
        .data();
  }

  private static PromResult result(Outcome<PromResult> outcome) {
    PromResult data = outcome.answer().data();
    if (data == null) {
      return new PromResult("unknown", List.of(), outcome.truncated(), outcome.answer().warnings());
    }
    return new PromResult(
        data.resultType(),
        data.series(),
        data.truncated() || outcome.truncated(),
        outcome.answer().warnings());
  }

  private record Outcome<T>(PrometheusJson.Answer<T> answer, boolean truncated) {}

  /**
   * One exchange, on a virtual thread; the caller waits at most the timeout. GET when {@code form}
   * is {@code null}, else POST of the form (PromQL can be longer than a URL may be).
   */
  private <T> Outcome<T> call(
      String cluster,
      PrometheusSettings settings,
      String path,
      String form,
      PrometheusJson.DataReader<T> data) {
    if (!inFlight.tryAcquire()) {
      throw PrometheusException.busy(cluster, limits.maxConcurrent());
    }
    Future<Outcome<T>> exchange;
    try {
      exchange =
          exchanges.submit(
              () -> {
                try {
                  return exchange(cluster, settings, path, form, data);
                } finally {
                  inFlight.release();
                }
              });
    } catch (RuntimeException e) {
      inFlight.release();
      throw PrometheusException.unavailable(cluster, "Kubeward is shutting down");
    }
    try {
      return exchange.get(settings.timeout().plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw PrometheusException.timeout(cluster, settings.timeout());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw PrometheusException.unavailable(cluster, "interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KubewardException known) {
        throw known;
      }
      // e.g. a header value the JDK refuses: a problem, never a 500
      log.debug("Cluster {}: Prometheus request failed", cluster, e.getCause());
      Throwable cause = e.getCause();
      throw PrometheusException.unavailable(
          cluster,
          cause.getClass().getSimpleName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
  }

  private <T> Outcome<T> exchange(
      String cluster,
      PrometheusSettings settings,
      String path,
      String form,
      PrometheusJson.DataReader<T> data) {
    guard.check(cluster, settings);
    HttpClient client = client(cluster, settings);
    URI uri = URI.create(settings.url() + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Accept", "application/json");
    authorization(settings).ifPresent(value -> request.header("Authorization", value));
    if (form == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    }
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw PrometheusException.unavailable(
          cluster, "connecting timed out after " + limits.connectTimeout().toSeconds() + "s");
    } catch (HttpTimeoutException e) {
      throw PrometheusException.timeout(cluster, settings.timeout());
    } catch (ConnectException e) {
      throw PrometheusException.unavailable(
          cluster, "connection refused or no route to " + uri.getHost() + ":" + port(uri));
    } catch (SSLException e) {
      throw PrometheusException.unavailable(cluster, "TLS failed: " + e.getMessage());
    } catch (IOException e) {
      throw PrometheusException.unavailable(cluster, describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PrometheusException.unavailable(cluster, "interrupted");
    }
    try (InputStream body = response.body()) {
      return read(cluster, settings, response, body, data);
    } catch (IOException e) {
      throw PrometheusException.unavailable(cluster, "reading the answer failed: " + describe(e));
    }
  }

  private <T> Outcome<T> read(
      String cluster,
      PrometheusSettings settings,
      HttpResponse<InputStream> response,
      InputStream body,
      PrometheusJson.DataReader<T> data)
      throws IOException {
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      throw PrometheusException.badResponse(
          cluster,
          "HTTP "
              + status
              + " redirect to "
              + response.headers().firstValue("Location").orElse("?")
              + " (Kubeward does not follow redirects; configure the final URL)");
    }
    String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.contains("json")) {
      if (status == 401 || status == 403) {
        throw PrometheusException.failed(
            cluster, status, "not authorized: check the authentication settings");
      }
      throw PrometheusException.badResponse(
          cluster,
          "HTTP "
              + status
              + " with "
              + (type.isEmpty() ? "no content type" : type)
              + " instead of JSON"
              + (type.contains("html") ? " (an HTML page: is the URL Prometheus' base URL?)" : ""));
    }
    BoundedInputStream bounded = new BoundedInputStream(body, limits.maxResponseBytes());
    PrometheusJson.Limits bounds =
        new PrometheusJson.Limits(limits.maxSeries(), limits.maxPoints(), bounded);
    PrometheusJson.Answer<T> answer;
    try {
      answer = PrometheusJson.read(bounded, bounds, data);
    } catch (PrometheusJson.NotPrometheus e) {
      throw PrometheusException.badResponse(cluster, e.getMessage());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw PrometheusException.badResponse(
          cluster,
          bounded.exceeded()
              ? "the answer is larger than " + limits.maxResponseBytes() + " bytes"
              : "the answer is not valid JSON: " + e.getOriginalMessage());
    }
    if (!answer.success()) {
      String errorType = Objects.requireNonNullElse(answer.errorType(), "unknown");
      String error = Objects.requireNonNullElse(answer.error(), "(no message)");
      if ("timeout".equals(errorType)) {
        throw PrometheusException.timeout(cluster, settings.timeout());
      }
      if (status == 400
          || status == 422
          || "bad_data".equals(errorType)
          || "execution".equals(errorType)) {
        throw PrometheusException.rejected(cluster, errorType, error, status);
      }
      throw PrometheusException.failed(cluster, status, errorType + ": " + error);
    }
    if (bounds.truncated) {
      log.debug(
          "Cluster {}: a Prometheus answer was truncated ({} bytes read)",
          cluster,
          bounded.bytesRead());
    }
    return new Outcome<>(answer, bounds.truncated);
  }

  private HttpClient client(String cluster, PrometheusSettings settings) {
    boolean https = "https".equals(settings.url().getScheme());
    TlsKey key = https ? new TlsKey(settings.caPem(), settings.insecureSkipVerify()) : null;
    if (key == null) {
      return clients.computeIfAbsent(new TlsKey(null, false), k -> build(null));
    }
    if (clients.size() > 64) {
      clients.clear(); // settings churn: old clients are garbage-collected with their connections
    }
    try {
      return clients.computeIfAbsent(key, k -> build(k));
    } catch (IllegalArgumentException e) {
      throw PrometheusException.invalidSettings(cluster, e.getMessage());
    }
  }

  private HttpClient build(TlsKey tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(limits.connectTimeout())
            .executor(exchanges);
    if (tls != null) {
      builder.sslContext(TlsContexts.of(tls.caPem(), tls.insecure()));
    }
    return builder.build();
  }

  private static java.util.Optional<String> authorization(PrometheusSettings settings) {
    return switch (settings.auth()) {
      case NONE -> java.util.Optional.empty();
      case BEARER -> java.util.Optional.of("Bearer " + settings.bearerToken());
      case BASIC ->
          java.util.Optional.of(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (settings.username() + ":" + settings.password())
                              .getBytes(StandardCharsets.UTF_8)));
    };
  }

  private static String timeoutParam(PrometheusSettings settings) {
    return settings.timeout().toMillis() + "ms";
  }

  private static String seconds(Instant t) {
    return plain(t.toEpochMilli());
  }

  /** Milliseconds as plain decimal seconds ({@code 1764756000.5}, never {@code 1.7E9}). */
  private static String plain(long millis) {
    return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  @Override
  public void close() {
    exchanges.shutdownNow();
    clients.clear();
  }
}
