package io.kubeward.server.logarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.logarchive.domain.LogArchiveSettings;
import io.kubeward.logarchive.domain.LogQuery;
import io.kubeward.logarchive.domain.SearchBodies;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.opensearch.LocalOpenSearch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Past-log search against a REAL OpenSearch ({@link LocalOpenSearch}, a single node on 127.0.0.1):
 * fluent-bit-shaped documents in {@code logs-kubeward-<date>} with OpenSearch's dynamic mapping
 * (text + {@code .keyword} sub-fields, {@code @timestamp} detected as a date), plus an index of the
 * same pattern without {@code @timestamp}; an administrator configures the archive through the REST
 * API, a viewer of the namespace searches by namespace, pod, workload, container, text and time
 * range, newest first (ADR 0028).
 */
@LocalControlPlane
class ElasticLogArchiveRealIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String POD = "api-7d9f8b6c5d-x2k4p";

  @TempDir static Path dir;
  private static LocalOpenSearch search;
  private static RunningServer server;
  private static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    search = LocalOpenSearch.start();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"));
    admin = server.admin();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.get(C + "/overview").completeOverview());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (search != null) {
      search.close();
    }
  }

  private static String doc(Instant at, String ns, String pod, String container, String log) {
    Map<String, Object> kubernetes = new HashMap<>();
    kubernetes.put("namespace_name", ns);
    kubernetes.put("pod_name", pod);
    kubernetes.put("container_name", container);
    kubernetes.put("host", "kwok-node-0");
    kubernetes.put("labels", Map.of("app", pod.split("-")[0]));
    Map<String, Object> doc = new HashMap<>();
    doc.put("@timestamp", at.toString());
    doc.put("log", log + "\n");
    doc.put("stream", "stdout");
    doc.put("time", at.toString());
    doc.put("kubernetes", kubernetes);
    return JSON.writeValueAsString(doc);
  }

  private static List<String> messages(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> messages = new ArrayList<>();
    response.json().path("lines").forEach(l -> messages.add(l.path("message").asString()));
    return messages;
  }

  @Test
  void aViewerSearchesFluentBitDocumentsOfARealOpenSearch(TestNamespace namespace) {
    String ns = namespace.name();
    Instant base = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
    String index =
        "logs-kubeward-"
            + DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC).format(base);
    search.index(index, doc(base, ns, POD, "app", "starting api"));
    search.index(index, doc(base.plusSeconds(10), ns, POD, "app", "payment declined for order 7"));
    search.index(index, doc(base.plusSeconds(20), ns, POD, "proxy", "GET /health 200"));
    search.index(index, doc(base.plusSeconds(30), ns, "worker-0", "app", "payment settled"));
    search.index(index, doc(base.plusSeconds(40), "default", "api-x", "app", "payment elsewhere"));
    // an index of the same pattern without @timestamp: sorting must not fail its shards
    search.index("logs-kubeward-meta", "{\"note\":\"fluent-bit meta\"}");
    search.refresh("logs-kubeward-*");

    Map<String, Object> settings = new HashMap<>();
    settings.put("url", search.baseUrl());
    settings.put("indexPattern", "logs-kubeward-*");
    settings.put("auth", "none");
    settings.put("allowPrivateAddresses", true);
    settings.put("timeout", 10);
    Response saved = admin.put(C + "/log-archive", settings);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);

    Session viewer =
        server.newUser(
            "real-archive-viewer",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", ns)));
    String q = C + "/past-logs?namespace=" + ns;
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(viewer.get(q).status()).isEqualTo(200));

    // by namespace: the namespace's four lines, newest first, trailing newline stripped
    Response all = viewer.get(q);
    assertThat(messages(all))
        .containsExactly(
            "payment settled", "GET /health 200", "payment declined for order 7", "starting api");
    JsonNode newest = all.json().path("lines").get(0);
    assertThat(newest.path("pod").asString()).isEqualTo("worker-0");
    assertThat(newest.path("namespace").asString()).isEqualTo(ns);
    assertThat(newest.path("container").asString()).isEqualTo("app");
    assertThat(Instant.parse(newest.path("timestamp").asString())).isEqualTo(base.plusSeconds(30));
    assertThat(all.json().path("truncated").asBoolean()).isFalse();

    // by pod, container, workload (regexp on the keyword sub-field), text (match_phrase on log)
    assertThat(messages(viewer.get(q + "&pod=" + POD)))
        .containsExactly("GET /health 200", "payment declined for order 7", "starting api");
    assertThat(messages(viewer.get(q + "&pod=" + POD + "&container=proxy")))
        .containsExactly("GET /health 200");
    assertThat(messages(viewer.get(q + "&workloadKind=Deployment&workloadName=api")))
        .containsExactly("GET /health 200", "payment declined for order 7", "starting api");
    assertThat(messages(viewer.get(q + "&workloadKind=StatefulSet&workloadName=worker")))
        .containsExactly("payment settled");
    assertThat(messages(viewer.get(q + "&text=payment")))
        .containsExactly("payment settled", "payment declined for order 7");
    assertThat(messages(viewer.get(q + "&text=payment%20declined")))
        .containsExactly("payment declined for order 7");
    assertThat(messages(viewer.get(q + "&text=declined%20payment"))).isEmpty();

    // time range (inclusive) and limit
    assertThat(
            messages(
                viewer.get(q + "&from=" + base.plusSeconds(5) + "&to=" + base.plusSeconds(20))))
        .containsExactly("GET /health 200", "payment declined for order 7");
    Response limited = viewer.get(q + "&limit=2");
    assertThat(messages(limited)).containsExactly("payment settled", "GET /health 200");
    assertThat(limited.json().path("truncated").asBoolean()).isTrue();

    // the adapter's body as such: accepted by the real server, no shard failed
    LogQuery query =
        LogQuery.of(
            ns,
            null,
            "Deployment",
            "api",
            null,
            "payment",
            base.minusSeconds(60),
            base.plusSeconds(60),
            10,
            Instant.now(),
            new LogQuery.Bounds(100, 1000, Duration.ofHours(1), Duration.ofDays(31)));
    String answer =
        search.send(
            "POST",
            "/logs-kubeward-*/_search",
            JSON.writeValueAsString(SearchBodies.search(query, LogArchiveSettings.Fields.FLUENT)),
            200);
    JsonNode tree = JSON.readTree(answer);
    assertThat(tree.at("/_shards/failed").asInt()).as(answer).isZero();
    assertThat(tree.at("/hits/hits").size()).as(answer).isEqualTo(1);
  }
}
