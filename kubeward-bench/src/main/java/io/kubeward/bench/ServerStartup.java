package io.kubeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.cluster.domain.CachedKind;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's start-up timeline (issue 19) as read from {@code /api/v1/clusters/{c}/startup} after
 * a cold start, and, for each cached kind, the apiserver's own list time measured directly: a plain
 * paged list of the same page size, timed in the benchmark's JVM (decoding included) — the bound
 * Kubeward's first list can be compared with.
 */
record ServerStartup(JsonNode timeline, Map<String, ApiserverList> apiserver) {

  /** Kubeward's informers' page size ({@code ClusterCache.PAGE_SIZE}). */
  static final long PAGE_SIZE = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  record ApiserverList(int objects, int pages, Duration wall) {}

  /**
   * Reads the timeline, waiting (up to {@code timeout}) until every cached kind has synced, then
   * lists every kind straight from the apiserver.
   */
  static ServerStartup measure(ServerProcess server, KubernetesClient client, Duration timeout)
      throws IOException, InterruptedException {
    JsonNode timeline = read(server, timeout);
    Map<String, ApiserverList> apiserver = new LinkedHashMap<>();
    for (CachedKind kind : CachedKind.values()) {
      apiserver.put(kind.plural(), listDirectly(client, kind));
    }
    return new ServerStartup(timeline, apiserver);
  }

  private static JsonNode read(ServerProcess server, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      HttpResponse<String> response =
          server.get("/api/v1/clusters/" + ServerProcess.CLUSTER + "/startup");
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "GET startup answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode timeline = JSON.readTree(response.body());
      if (!timeline.path("allSyncedMillis").isNull() || System.nanoTime() > deadline) {
        return timeline;
      }
      Thread.sleep(250);
    }
  }

  /**
   * All pages of the kind over all namespaces, {@value #PAGE_SIZE} a page, as the informer asks.
   */
  static ApiserverList listDirectly(KubernetesClient client, CachedKind kind) {
    long started = System.nanoTime();
    int objects = 0;
    int pages = 0;
    String next = null;
    do {
      var options = new ListOptionsBuilder().withLimit(PAGE_SIZE).withContinue(next).build();
      var resources = client.genericKubernetesResources(kind.apiVersion(), kind.kind());
      GenericKubernetesResourceList page =
          kind.namespaced() ? resources.inAnyNamespace().list(options) : resources.list(options);
      objects += page.getItems().size();
      pages++;
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return new ApiserverList(objects, pages, Duration.ofNanos(System.nanoTime() - started));
  }

  /** One row per phase: name, seconds after the JVM started. */
  List<List<String>> phaseRows() {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode phase : timeline.path("phases")) {
      rows.add(
          List.of(phase.path("name").asText(), millis(phase.path("sinceJvmStartMillis").asLong())));
    }
    return rows;
  }

  /**
   * One row per kind: objects, first list asked for and synced (after the JVM started), Kubeward's
   * first list time, the apiserver's plain list time, their ratio.
   */
  List<List<String>> kindRows() {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode list : timeline.path("lists")) {
      String kind = list.path("kind").asText();
      ApiserverList direct = apiserver.get(kind);
      JsonNode listMillis = list.path("listMillis");
      rows.add(
          List.of(
              kind,
              Integer.toString(list.path("objects").asInt()),
              optionalMillis(list.path("startedMillis")),
              optionalMillis(list.path("syncedMillis")),
              optionalMillis(listMillis),
              direct == null
                  ? "–"
                  : "%s (%d, %d pages)"
                      .formatted(
                          millis(direct.wall().toMillis()), direct.objects(), direct.pages()),
              direct == null || !listMillis.isNumber() || direct.wall().toMillis() == 0
                  ? "–"
                  : "%.1f×".formatted(listMillis.asLong() / (double) direct.wall().toMillis())));
    }
    return rows;
  }

  /** For the raw JSON: the server's timeline and the direct list times in milliseconds. */
  Map<String, Object> raw() {
    Map<String, Object> direct = new LinkedHashMap<>();
    apiserver.forEach(
        (kind, list) ->
            direct.put(
                kind,
                Map.of(
                    "objects",
                    list.objects(),
                    "pages",
                    list.pages(),
                    "millis",
                    list.wall().toMillis())));
    return Map.of("server", JSON.convertValue(timeline, Map.class), "apiserverListMillis", direct);
  }

  static final List<String> PHASE_HEADERS = List.of("phase", "after JVM start");
  static final List<String> KIND_HEADERS =
      List.of(
          "kind",
          "objects",
          "first list asked",
          "synced",
          "Kubeward first list",
          "apiserver plain list (objects, pages)",
          "ratio");

  /** The two tables as plain text, for a log. */
  String text() {
    StringBuilder text = new StringBuilder("\n");
    append(text, PHASE_HEADERS, phaseRows());
    text.append('\n');
    append(text, KIND_HEADERS, kindRows());
    return text.toString();
  }

  private static void append(StringBuilder text, List<String> headers, List<List<String>> rows) {
    text.append("| ").append(String.join(" | ", headers)).append(" |\n");
    for (List<String> row : rows) {
      text.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
  }

  private static String optionalMillis(JsonNode node) {
    return node.isNumber() ? millis(node.asLong()) : "–";
  }

  private static String millis(long millis) {
    return "%.2f s".formatted(millis / 1000.0);
  }
}
