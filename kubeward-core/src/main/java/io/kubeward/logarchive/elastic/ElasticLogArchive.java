package io.kubeward.logarchive.elastic;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.history.prometheus.BoundedInputStream;
import io.kubeward.history.prometheus.TlsContexts;
import io.kubeward.logarchive.app.LogArchive;
import io.kubeward.logarchive.app.LogArchiveException;
import io.kubeward.logarchive.domain.LogArchiveSettings;
import io.kubeward.logarchive.domain.LogLine;
import io.kubeward.logarchive.domain.LogPage;
import io.kubeward.logarchive.domain.LogQuery;
import io.kubeward.logarchive.domain.SearchBodies;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Elasticsearch's and OpenSearch's {@code POST /<index>/_search} over the JDK's {@link HttpClient}
 * (ADR 0028): no redirects, no proxy, the search's timeout for the exchange (and as {@code
 * timeout=} for the archive), at most {@code maxConcurrent} searches at once (then 503), the answer
 * read as a stream cut at {@code maxResponseBytes}, a message cut at {@code maxLineLength}. The
 * outbound guard has been run by the use case.
 */
public final class ElasticLogArchive implements LogArchive {

  /** Bounds of the adapter, from configuration ({@code kubeward.log-archive.*}). */
  public record Limits(
      Duration connectTimeout, long maxResponseBytes, int maxLineLength, int maxConcurrent) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Limits limits;
  private final Semaphore inFlight;

  public ElasticLogArchive(Limits limits) {
    this.limits = limits;
    this.inFlight = new Semaphore(limits.maxConcurrent());
  }

  @Override
  public LogPage search(String cluster, LogArchiveSettings settings, LogQuery query) {
    if (!inFlight.tryAcquire()) {
      throw LogArchiveException.unavailable(
          cluster, "more than " + limits.maxConcurrent() + " searches at once; try again");
    }
    try {
      return exchange(cluster, settings, query);
    } finally {
      inFlight.release();
    }
  }

  private LogPage exchange(String cluster, LogArchiveSettings settings, LogQuery query) {
    String body;
    try {
      body = JSON.writeValueAsString(SearchBodies.search(query, settings.fields()));
    } catch (JacksonException e) {
      throw new IllegalStateException("maps of strings are JSON", e);
    }
    URI uri =
        URI.create(
            settings.url()
                + "/"
                + URLEncoder.encode(settings.indexPattern(), StandardCharsets.UTF_8)
                    .replace("%2C", ",")
                    .replace("%2A", "*")
                + "/_search?ignore_unavailable=true&allow_no_indices=true&timeout="
                + Math.max(1, settings.timeout().toMillis())
                + "ms");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    String authorization = authorization(settings);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<InputStream> response;
    try (HttpClient client = client(settings)) {
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (HttpConnectTimeoutException e) {
        throw LogArchiveException.unavailable(cluster, "connecting timed out");
      } catch (HttpTimeoutException e) {
        throw LogArchiveException.timeout(cluster, settings.timeout());
      } catch (ConnectException e) {
        throw LogArchiveException.unavailable(
            cluster, "connection refused or no route to " + uri.getHost());
      } catch (SSLException e) {
        throw LogArchiveException.unavailable(cluster, "TLS failed: " + e.getMessage());
      } catch (IOException e) {
        throw LogArchiveException.unavailable(cluster, String.valueOf(e.getMessage()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw LogArchiveException.unavailable(cluster, "interrupted");
      }
      try (InputStream in = response.body()) {
        return read(cluster, settings, query, response, in);
      } catch (IOException e) {
        throw LogArchiveException.unavailable(cluster, "reading the answer failed: " + e);
      }
    }
  }

  private LogPage read(
      String cluster,
      LogArchiveSettings settings,
      LogQuery query,
      HttpResponse<InputStream> response,
      InputStream in)
      throws IOException {
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (status >= 300 && status < 400) {
      throw LogArchiveException.unavailable(
          cluster, "HTTP " + status + " redirect (Kubeward does not follow redirects)");
    }
    if (status == 401 || status == 403) {
      throw LogArchiveException.unavailable(
          cluster, "HTTP " + status + ": not authorized, check the authentication settings");
    }
    if (!type.contains("json")) {
      throw LogArchiveException.unavailable(
          cluster, "HTTP " + status + " with " + (type.isEmpty() ? "no content type" : type));
    }
    BoundedInputStream bounded = new BoundedInputStream(in, limits.maxResponseBytes());
    JsonNode root;
    try {
      root = JSON.readTree(bounded);
    } catch (JacksonException e) {
      throw LogArchiveException.unavailable(
          cluster,
          bounded.exceeded()
              ? "the answer is larger than " + limits.maxResponseBytes() + " bytes"
              : "the answer is not JSON: " + e.getOriginalMessage());
    }
    if (status >= 400 || root.has("error")) {
      JsonNode error = root.path("error");
      String reason =
          error.isTextual()
              ? error.asText()
              : error
                  .path("root_cause")
                  .path(0)
                  .path("reason")
                  .asText(error.path("reason").asText("?"));
      if (status >= 500) {
        throw LogArchiveException.unavailable(cluster, "HTTP " + status + ": " + reason);
      }
      throw LogArchiveException.rejected(cluster, status, reason);
    }
    if (root.path("timed_out").asBoolean(false)) {
      throw LogArchiveException.timeout(cluster, settings.timeout());
    }
    List<LogLine> lines = new ArrayList<>();
    for (JsonNode hit : root.path("hits").path("hits")) {
      JsonNode source = hit.path("_source");
      LogArchiveSettings.Fields f = settings.fields();
      String message = text(source, f.message());
      if (message == null) {
        message = text(source, "message");
      }
      if (message == null) {
        message = "";
      }
      if (message.endsWith("\n")) {
        message = message.substring(0, message.length() - 1);
      }
      if (message.length() > limits.maxLineLength()) {
        message = message.substring(0, limits.maxLineLength()) + "…";
      }
      lines.add(
          new LogLine(
              instant(text(source, f.timestamp())),
              text(source, f.namespace()),
              text(source, f.pod()),
              text(source, f.container()),
              message));
    }
    return new LogPage(lines, lines.size() >= query.limit());
  }

  /** A field by dotted path: nested objects ({@code kubernetes: {pod_name}}) or a flat key. */
  static @Nullable String text(JsonNode source, String path) {
    JsonNode flat = source.get(path);
    if (flat != null && !flat.isNull()) {
      return flat.isValueNode() ? flat.asText() : flat.toString();
    }
    JsonNode node = source;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull()
        ? null
        : node.isValueNode() ? node.asText() : node.toString();
  }

  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(text));
      } catch (NumberFormatException n) {
        return null;
      }
    }
  }

  private static @Nullable String authorization(LogArchiveSettings settings) {
    return switch (settings.auth()) {
      case NONE -> null;
      case BASIC ->
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (settings.username() + ":" + settings.secret())
                          .getBytes(StandardCharsets.UTF_8));
      case BEARER -> "Bearer " + settings.secret();
      case API_KEY -> "ApiKey " + settings.secret();
    };
  }

  private HttpClient client(LogArchiveSettings settings) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(limits.connectTimeout());
    if ("https".equals(settings.url().getScheme())) {
      builder.sslContext(TlsContexts.of(settings.caPem(), settings.insecureSkipVerify()));
    }
    return builder.build();
  }
}
