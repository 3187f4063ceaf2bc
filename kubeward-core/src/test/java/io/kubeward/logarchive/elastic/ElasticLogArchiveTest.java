package io.kubeward.logarchive.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kubeward.common.KubewardException;
import io.kubeward.logarchive.domain.LogArchiveSettings;
import io.kubeward.logarchive.domain.LogPage;
import io.kubeward.logarchive.domain.LogQuery;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a small HTTP fixture on loopback answering in OpenSearch's and
 * Elasticsearch's real formats (a {@code _search} answer of fluent-bit documents, an index error, a
 * security plugin's 401, an HTML proxy page). Not a real OpenSearch: see ADR 0028.
 */
class ElasticLogArchiveTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final LogQuery.Bounds BOUNDS =
      new LogQuery.Bounds(200, 1000, Duration.ofHours(1), Duration.ofDays(7));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An OpenSearch 2.x answer to a search of fluent-bit documents (nested kubernetes object). */
  static final String OPENSEARCH_HITS =
      """
      {"took":5,"timed_out":false,"_shards":{"total":2,"successful":2,"skipped":0,"failed":0},
       "hits":{"total":{"value":2,"relation":"eq"},"max_score":null,"hits":[
        {"_index":"fluent-bit-2026.12.03","_id":"a1","_score":null,
         "_source":{"@timestamp":"2026-12-03T11:59:58.123Z","log":"GET /cart 500\\n",
           "stream":"stdout","kubernetes":{"pod_name":"web-7d4b9c-x2k8p","namespace_name":"shop",
           "container_name":"app","labels":{"app":"web"}}},"sort":[1764763198123]},
        {"_index":"fluent-bit-2026.12.03","_id":"a2","_score":null,
         "_source":{"@timestamp":"2026-12-03T11:59:57.000Z","log":"GET /cart 200\\n",
           "kubernetes":{"pod_name":"web-7d4b9c-x2k8p","namespace_name":"shop",
           "container_name":"app"}},"sort":[1764763197000]}]}}
      """;

  /** Elasticsearch's answer for an index pattern whose field is not a keyword. */
  static final String ES_ERROR =
      """
      {"error":{"root_cause":[{"type":"query_shard_exception","reason":"failed to create query: Can only use regexp queries on keyword and text fields - not on [kubernetes.pod_name] which is of type [long]","index":"logstash-2026.12.03"}],
       "type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true},"status":400}
      """;

  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  private URI serve(int status, String contentType, String answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          paths.add(exchange.getRequestURI().toString());
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static LogArchiveSettings settings(URI url, LogArchiveSettings.Auth auth) {
    return new LogArchiveSettings(
        url,
        "fluent-bit-*",
        auth,
        auth == LogArchiveSettings.Auth.BASIC ? "reader" : null,
        auth == LogArchiveSettings.Auth.NONE ? null : "pa55",
        false,
        null,
        true,
        Duration.ofSeconds(5),
        LogArchiveSettings.Fields.FLUENT);
  }

  private static ElasticLogArchive archive() {
    return new ElasticLogArchive(
        new ElasticLogArchive.Limits(Duration.ofSeconds(2), 1 << 20, 1000, 4));
  }

  @Test
  void aSearchOfADeploymentsPodsAsksForNewestFirstAndReadsTheHits() throws Exception {
    URI url = serve(200, "application/json; charset=UTF-8", OPENSEARCH_HITS);
    LogQuery query =
        LogQuery.of(
            "shop", null, "Deployment", "web", "app", "GET /cart", null, null, 2, NOW, BOUNDS);

    LogPage page = archive().search("c1", settings(url, LogArchiveSettings.Auth.BASIC), query);

    assertThat(page.lines()).hasSize(2);
    assertThat(page.lines().get(0).message()).isEqualTo("GET /cart 500");
    assertThat(page.lines().get(0).pod()).isEqualTo("web-7d4b9c-x2k8p");
    assertThat(page.lines().get(0).container()).isEqualTo("app");
    assertThat(page.lines().get(0).timestamp())
        .isEqualTo(Instant.parse("2026-12-03T11:59:58.123Z"));
    assertThat(page.truncated()).isTrue();
    assertThat(paths.get(0)).startsWith("/fluent-bit-*/_search?");
    assertThat(authorizations.get(0)).isEqualTo("Basic cmVhZGVyOnBhNTU=");
    JsonNode body = JSON.readTree(bodies.get(0));
    assertThat(body.path("size").asInt()).isEqualTo(2);
    assertThat(body.at("/sort/0/@timestamp/order").asText()).isEqualTo("desc");
    assertThat(body.at("/sort/0/@timestamp/unmapped_type").asText()).isEqualTo("date");
    JsonNode filters = body.at("/query/bool/filter");
    assertThat(filters.get(0).at("/term/kubernetes.namespace_name.keyword").asText())
        .isEqualTo("shop");
    assertThat(filters.get(1).at("/regexp/kubernetes.pod_name.keyword").asText())
        .isEqualTo("web-[a-z0-9]{1,10}-[a-z0-9]{5}");
    assertThat(filters.get(2).at("/term/kubernetes.container_name.keyword").asText())
        .isEqualTo("app");
    assertThat(filters.get(3).at("/range/@timestamp/gte").asText())
        .isEqualTo("2026-12-03T11:00:00Z");
    assertThat(body.at("/query/bool/must/0/match_phrase/log").asText()).isEqualTo("GET /cart");
  }

  @Test
  void theArchivesRefusalsAndForeignAnswersAreProblemsWithItsReason() throws Exception {
    LogQuery query =
        LogQuery.of("shop", "web-1", null, null, null, null, null, null, 10, NOW, BOUNDS);

    URI rejecting = serve(400, "application/json", ES_ERROR);
    assertThatThrownBy(
            () -> archive().search("c1", settings(rejecting, LogArchiveSettings.Auth.NONE), query))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo("log-archive.rejected");
              assertThat(e.getMessage()).contains("Can only use regexp queries on keyword");
            });
    stop();

    URI unauthorized =
        serve(401, "application/json", "{\"error\":\"Unauthorized\",\"status\":401}");
    assertThatThrownBy(
            () ->
                archive()
                    .search("c1", settings(unauthorized, LogArchiveSettings.Auth.API_KEY), query))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> assertThat(e.code()).isEqualTo("log-archive.unavailable"));
    assertThat(authorizations.getLast()).isEqualTo("ApiKey pa55");
    stop();

    URI html = serve(200, "text/html", "<html><body>Kibana</body></html>");
    assertThatThrownBy(
            () -> archive().search("c1", settings(html, LogArchiveSettings.Auth.BEARER), query))
        .isInstanceOfSatisfying(
            KubewardException.class, e -> assertThat(e.getMessage()).contains("text/html"));
  }

  @Test
  void queriesAreBounded() {
    assertThatThrownBy(
            () -> LogQuery.of("shop", null, null, null, null, null, null, null, 5000, NOW, BOUNDS))
        .hasMessageContaining("limit");
    assertThatThrownBy(
            () ->
                LogQuery.of(
                    "shop",
                    null,
                    null,
                    null,
                    null,
                    null,
                    NOW.minus(Duration.ofDays(8)),
                    NOW,
                    null,
                    NOW,
                    BOUNDS))
        .hasMessageContaining("time range");
    assertThatThrownBy(
            () -> LogQuery.of("Shop!", null, null, null, null, null, null, null, null, NOW, BOUNDS))
        .hasMessageContaining("namespace");
    assertThatThrownBy(
            () ->
                LogQuery.of(
                    "shop", "p", "Service", "web", null, null, null, null, null, NOW, BOUNDS))
        .hasMessageContaining("workloadKind");
    LogQuery sts =
        LogQuery.of("db", null, "StatefulSet", "pg", null, null, null, null, null, NOW, BOUNDS);
    assertThat(sts.podPattern()).isEqualTo("pg-[0-9]+");
    assertThat(sts.limit()).isEqualTo(200);
    assertThat(sts.from()).isEqualTo(NOW.minus(Duration.ofHours(1)));
  }

  @Test
  void settingsRefuseBadIndexPatternsAndFieldsAndNeverPrintTheSecret() {
    URI url = URI.create("https://es.example:9200");
    assertThatThrownBy(
            () ->
                new LogArchiveSettings(
                    url,
                    "../_cluster",
                    LogArchiveSettings.Auth.NONE,
                    null,
                    null,
                    false,
                    null,
                    false,
                    Duration.ofSeconds(5),
                    LogArchiveSettings.Fields.FLUENT))
        .hasMessageContaining("indexPattern");
    assertThatThrownBy(
            () ->
                new LogArchiveSettings.Fields(
                    "@timestamp", "kubernetes.namespace_name\"}", "p", "c", "log", ""))
        .hasMessageContaining("field names");
    LogArchiveSettings s = settings(url, LogArchiveSettings.Auth.BEARER);
    assertThat(s.toString()).doesNotContain("pa55");
  }
}
