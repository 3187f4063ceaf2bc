package io.kubeward.server.logarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Past-log search end to end on the local control plane: an administrator configures the archive
 * (secret write-only, SSRF guard), a user whom the cluster lets {@code get pods/log} searches it,
 * one whom it does not is refused before Kubeward asks the archive. The archive is a loopback HTTP
 * fixture answering in OpenSearch's format (a real OpenSearch: ElasticLogArchiveRealIT).
 */
@LocalControlPlane
class LogArchiveIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final String HITS =
      """
      {"took":3,"timed_out":false,"hits":{"total":{"value":1,"relation":"eq"},"hits":[
        {"_index":"logstash-2026.12.03","_id":"x","_source":{"@timestamp":"2026-12-03T11:59:58.123Z",
         "log":"payment declined\\n","kubernetes":{"pod_name":"api-1","namespace_name":"NS",
         "container_name":"app"}}}]}}
      """;

  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;
  private static HttpServer archive;
  private static final List<String> searches = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(ControlPlane controlPlane) throws IOException {
    kube = controlPlane.newAdminClient();
    archive = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    archive.createContext(
        "/",
        exchange -> {
          searches.add(
              exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] bytes = HITS.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    archive.start();
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
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
    if (archive != null) {
      archive.stop(0);
    }
  }

  private static Map<String, Object> settings(boolean allowPrivate, String secret) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", "http://127.0.0.1:" + archive.getAddress().getPort());
    body.put("indexPattern", "logstash-*");
    body.put("auth", "basic");
    body.put("username", "reader");
    if (secret != null) {
      body.put("secret", secret);
    }
    body.put("allowPrivateAddresses", allowPrivate);
    body.put("timeout", 5);
    return body;
  }

  @Test
  void anAdminConfiguresTheArchiveAndAUserAllowedPodLogsSearchesIt(TestNamespace namespace) {
    String ns = namespace.name();
    Response none = admin.get(C + "/past-logs?namespace=" + ns);
    assertThat(none.status()).as(none.body()).isEqualTo(404);
    assertThat(none.problemCode()).isEqualTo("log-archive.not-configured");

    Response refused = admin.put(C + "/log-archive", settings(false, "s3cret"));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.problemCode()).isEqualTo("log-archive.address-refused");

    Response saved = admin.put(C + "/log-archive", settings(true, "s3cret"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().path("secretStored").asBoolean()).isTrue();
    assertThat(saved.body()).doesNotContain("s3cret");
    Response kept = admin.put(C + "/log-archive", settings(true, null));
    assertThat(kept.json().path("secretStored").asBoolean()).isTrue();
    assertThat(admin.get(C + "/log-archive").body()).doesNotContain("s3cret");

    Response found =
        admin.get(
            C
                + "/past-logs?namespace="
                + ns
                + "&workloadKind=Deployment&workloadName=api&text=declined&limit=10");
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    JsonNode line = found.json().path("lines").get(0);
    assertThat(line.path("message").asString()).isEqualTo("payment declined");
    assertThat(line.path("pod").asString()).isEqualTo("api-1");
    assertThat(searches.getLast())
        .startsWith("/logstash-*/_search?")
        .contains("Basic cmVhZGVyOnMzY3JldA==")
        .contains("\"kubernetes.namespace_name.keyword\":\"" + ns + "\"")
        .contains("\"match_phrase\":{\"log\":\"declined\"}");

    // a viewer of the namespace may read pod logs there (the view role includes pods/log); a
    // viewer of another namespace may not, and the archive is not asked for them
    Session reader =
        server.newUser(
            "archive-reader",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", ns)));
    Session outsider =
        server.newUser(
            "archive-outsider",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", "default")));
    int before = searches.size();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(reader.get(C + "/past-logs?namespace=" + ns + "&pod=api-1").status())
                    .isEqualTo(200));
    Response denied = outsider.get(C + "/past-logs?namespace=" + ns + "&pod=api-1");
    assertThat(denied.status()).as(denied.body()).isEqualTo(403);
    assertThat(denied.body()).contains("pods");
    assertThat(searches.size()).isGreaterThan(before);
    int afterReader = searches.size();
    outsider.get(C + "/past-logs?namespace=" + ns + "&pod=api-1");
    assertThat(searches.size()).isEqualTo(afterReader);

    Response bad = reader.get(C + "/past-logs?namespace=" + ns + "&limit=999999");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(reader.put(C + "/log-archive", settings(true, "x")).status()).isEqualTo(403);
  }
}
