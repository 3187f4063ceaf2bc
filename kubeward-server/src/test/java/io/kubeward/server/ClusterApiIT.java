package io.kubeward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster, list, object and stream API against the local control plane, as a user's client sees
 * it: HTTP answers, and objects read back from the cluster.
 */
@LocalControlPlane
class ClusterApiIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir static Path dir;
  static RunningServer server;
  static String token;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server = startServer(controlPlane);
  }

  static RunningServer startServer(ControlPlane controlPlane) {
    RunningServer started =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s",
            "--kubeward.data-dir=" + dir.resolve("data"));
    if (token == null) {
      token = started.admin().createToken("cluster-api-it", 1);
    }
    return started;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  record Answer(int status, String contentType, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  static Answer call(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", basic())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    }
  }

  static String base() {
    return "http://127.0.0.1:" + server.context().getEnvironment().getProperty("local.server.port");
  }

  static String basic() {
    return "Bearer " + token;
  }

  static Answer get(String path) {
    return call("GET", path, null, null);
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Pod pod(String name, Map<String, String> labels) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("busybox:1.36")
        .withNewResources()
        .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m"))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void listsFollowTheClusterWithFiltersSortAndPaging(KubernetesClient client, TestNamespace ns) {
    for (int i = 0; i < 7; i++) {
      client
          .pods()
          .inNamespace(ns.name())
          .resource(pod("p-" + i, Map.of("app", i % 2 == 0 ? "even" : "odd")))
          .create();
    }
    String list = "/api/v1/clusters/local/resources/pods?namespace=" + ns.name();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(get(list).json().get("total").asInt()).isEqualTo(7));

    // label selector, compared with a fresh LIST from the API
    Answer even = get(list + "&labelSelector=" + q("app in (even)") + "&sort=name");
    int expected =
        client.pods().inNamespace(ns.name()).withLabel("app", "even").list().getItems().size();
    assertThat(even.json().get("total").asInt()).isEqualTo(expected).isEqualTo(4);
    assertThat(even.json().get("items"))
        .extracting(i -> i.get("name").asString())
        .containsExactly("p-0", "p-2", "p-4", "p-6");
    JsonNode first = even.json().get("items").get(0);
    assertThat(first.get("requests").get("cpuMillis").asLong()).isEqualTo(100);
    assertThat(first.get("labels").get("app").asString()).isEqualTo("even");
    assertThat(first.get("phase").asString()).isIn("Pending", "Running");

    // paging with an opaque continue token covers every pod once
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      Answer page =
          get(list + "&sort=name&limit=3" + (token == null ? "" : "&continue=" + q(token)));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.json().get("items").forEach(i -> names.add(i.get("name").asString()));
      JsonNode next = page.json().get("continue");
      token = next == null || next.isNull() ? null : next.asString();
    } while (token != null);
    assertThat(names)
        .containsExactlyElementsOf(
            client.pods().inNamespace(ns.name()).list().getItems().stream()
                .map(p -> p.getMetadata().getName())
                .sorted()
                .toList());

    // name substring, and a bad selector / limit / kind are 400 problems
    assertThat(get(list + "&name=P-3").json().get("total").asInt()).isEqualTo(1);
    Answer bad = get(list + "&labelSelector=" + q("app in (even"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.json().get("code").asString()).isEqualTo("list.invalid-label-selector");
    assertThat(get(list + "&limit=501").json().get("code").asString())
        .isEqualTo("list.invalid-parameter");
    assertThat(get("/api/v1/clusters/local/resources/widgets").json().get("code").asString())
        .isEqualTo("list.unknown-kind");

    // deletion is seen
    client.pods().inNamespace(ns.name()).withName("p-0").withGracePeriod(0).delete();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(get(list).json().get("total").asInt()).isEqualTo(6));
  }

  @Test
  void streamPushesChangesOfObjects(KubernetesClient client, TestNamespace ns) throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + "/api/v1/clusters/local/stream"))
            .header("Authorization", basic())
            .header("Accept", "text/event-stream")
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      Thread reader =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                      String line;
                      while ((line = in.readLine()) != null) {
                        lines.add(line);
                      }
                    } catch (Exception ignored) {
                      // closed by the test
                    }
                  });
      ConfigMap map =
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("streamed")
              .endMetadata()
              .addToData("k", "v")
              .build();
      client.configMaps().inNamespace(ns.name()).resource(map).create();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(List.copyOf(lines))
                      .anyMatch(
                          l ->
                              l.startsWith("data:")
                                  && l.contains("\"kind\":\"configmaps\"")
                                  && l.contains("\"type\":\"ADDED\"")
                                  && l.contains("\"name\":\"streamed\"")));
      client.configMaps().inNamespace(ns.name()).withName("streamed").delete();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(List.copyOf(lines))
                      .anyMatch(l -> l.contains("\"type\":\"DELETED\"") && l.contains("streamed")));
      assertThat(List.copyOf(lines)).contains("event:overview");
      reader.interrupt();
    }
  }

  @Test
  void genericObjectsPreviewApplyAndDelete(KubernetesClient client, TestNamespace ns) {
    String yaml =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: %s
        data:
          color: blue
        """
            .formatted(ns.name());
    // preview of a new object: nothing is created
    Answer preview =
        call("POST", "/api/v1/clusters/local/object/preview", "application/yaml", yaml);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().get("changed").asBoolean()).isTrue();
    assertThat(preview.json().get("diff").asString()).contains("+  color: blue");
    assertThat(client.configMaps().inNamespace(ns.name()).withName("settings").get()).isNull();

    Answer applied = call("POST", "/api/v1/clusters/local/object/apply", "application/yaml", yaml);
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(client.configMaps().inNamespace(ns.name()).withName("settings").get().getData())
        .containsEntry("color", "blue");

    // a dry-run diff of an edit leaves the object unchanged
    Answer edit =
        call(
            "POST",
            "/api/v1/clusters/local/object/preview",
            "application/yaml",
            yaml.replace("blue", "green"));
    assertThat(edit.json().get("diff").asString())
        .contains("-  color: blue")
        .contains("+  color: green");
    assertThat(client.configMaps().inNamespace(ns.name()).withName("settings").get().getData())
        .containsEntry("color", "blue");

    String object =
        "/api/v1/clusters/local/object?apiVersion=v1&kind=ConfigMap&namespace="
            + ns.name()
            + "&name=settings";
    Answer read = get(object);
    assertThat(read.contentType()).startsWith("application/yaml");
    assertThat(read.body()).contains("color: blue").doesNotContain("managedFields");
    assertThat(get(object + "&format=json").body()).contains("\"color\" : \"blue\"");

    // bad inputs: problems, and the object is unchanged
    Answer malformed =
        call(
            "POST",
            "/api/v1/clusters/local/object/apply",
            "application/yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [settings\n");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("code").asString()).isEqualTo("resource.malformed");
    assertThat(malformed.json().get("line").asInt()).isPositive();
    assertThat(malformed.json().get("column").asInt()).isPositive();
    assertThat(server.context().getBean(AuditLog.class).find(AuditQuery.latest(1)))
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.entry().verb()).isEqualTo("apply");
              assertThat(record.entry().result()).isEqualTo(AuditEntry.Result.FAILURE);
              assertThat(record.entry().error()).startsWith("resource.malformed");
            });
    Answer unknown =
        call(
            "POST",
            "/api/v1/clusters/local/object/apply",
            "application/yaml",
            "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
    assertThat(unknown.json().get("code").asString()).isEqualTo("resource.unknown-kind");
    Answer wrongType =
        call(
            "POST",
            "/api/v1/clusters/local/object/apply",
            "application/yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: %s
            spec:
              replicas: "three"
            """
                .formatted(ns.name()));
    assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
    assertThat(wrongType.json().get("code").asString()).isEqualTo("resource.invalid");
    assertThat(client.apps().deployments().inNamespace(ns.name()).withName("web").get()).isNull();
    String huge = yaml + "  big: \"" + "x".repeat(1024 * 1024) + "\"\n";
    Answer tooLarge = call("POST", "/api/v1/clusters/local/object/apply", "application/yaml", huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().get("code").asString()).isEqualTo("request.too-large");
    assertThat(client.configMaps().inNamespace(ns.name()).withName("settings").get().getData())
        .containsOnlyKeys("color")
        .containsEntry("color", "blue");

    // delete
    Answer deleted = call("DELETE", object + "&propagation=foreground", null, null);
    assertThat(deleted.status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> client.configMaps().inNamespace(ns.name()).withName("settings").get() == null);
    assertThat(get(object).status()).isEqualTo(404);

    List<String> verbs =
        server.context().getBean(AuditLog.class).find(AuditQuery.latest(50)).stream()
            .map(r -> r.entry().verb() + ":" + r.entry().result() + ":" + r.entry().name())
            .toList();
    assertThat(verbs)
        .contains("apply:SUCCESS:settings", "delete:SUCCESS:settings", "apply:FAILURE:web");
  }

  @Test
  void secretValuesOnlyWithRevealWhichIsAudited(KubernetesClient client, TestNamespace ns) {
    client
        .secrets()
        .inNamespace(ns.name())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .addToStringData("password", "s3cr3t-value")
                .build())
        .create();
    String encoded =
        Base64.getEncoder().encodeToString("s3cr3t-value".getBytes(StandardCharsets.UTF_8));
    String list = "/api/v1/clusters/local/resources/secrets?namespace=" + ns.name();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(get(list).json().get("total").asInt()).isEqualTo(1));
    assertThat(get(list).body()).doesNotContain(encoded).doesNotContain("s3cr3t");

    String object =
        "/api/v1/clusters/local/object?apiVersion=v1&kind=Secret&namespace="
            + ns.name()
            + "&name=db";
    Answer redacted = get(object);
    assertThat(redacted.status()).isEqualTo(200);
    assertThat(redacted.body()).contains("password: <redacted>").doesNotContain(encoded);
    Answer revealed = get(object + "&reveal=true");
    assertThat(revealed.body()).contains(encoded);

    List<AuditEntry> reveals =
        server.context().getBean(AuditLog.class).find(AuditQuery.latest(100)).stream()
            .map(r -> r.entry())
            .filter(e -> e.verb().equals("secret.reveal") && ns.name().equals(e.namespace()))
            .toList();
    assertThat(reveals).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("db"));
  }

  @Test
  void discoveryOverviewAndOpenApi() {
    Answer kinds = get("/api/v1/clusters/local/kinds");
    assertThat(kinds.json())
        .anySatisfy(
            k -> {
              assertThat(k.get("kind").asString()).isEqualTo("Deployment");
              assertThat(k.get("group").asString()).isEqualTo("apps");
              assertThat(k.get("namespaced").asBoolean()).isTrue();
            });
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Answer answer = get("/api/v1/clusters/local/overview");
              assertThat(answer.status()).isEqualTo(200);
              assertThat(answer.json().path("loading").asBoolean(true)).isFalse();
            });
    JsonNode overview = get("/api/v1/clusters/local/overview").json();
    assertThat(overview.get("clusterWide").asBoolean()).isTrue();
    assertThat(overview.get("perNode")).hasSize(3);
    assertThat(overview.at("/nodes/byCondition/Ready").asInt()).isEqualTo(3);
    JsonNode details = get("/api/v1/clusters/local").json();
    assertThat(details.get("readyz")).isNotEmpty();
    assertThat(details.get("livez").asString()).isEqualTo("ok");
    assertThat(details.get("source").asString()).isEqualTo("kubeconfig");
    Answer api = get("/v3/api-docs");
    assertThat(api.status()).as(api.body()).isEqualTo(200);
    assertThat(api.body()).contains("/api/v1/clusters/{cluster}/object/apply").contains("Problem");
  }

  @Test
  void clustersAddedAtRuntimeSurviveARestartAndCanBeRemoved(ControlPlane controlPlane)
      throws Exception {
    String kubeconfig = Files.readString(controlPlane.kubeconfig());
    String body = JSON.writeValueAsString(Map.of("name", "second", "kubeconfig", kubeconfig));
    Answer added = call("POST", "/api/v1/clusters", "application/json", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.body()).doesNotContain("token").doesNotContain("certificate");
    assertThat(call("POST", "/api/v1/clusters", "application/json", body).status()).isEqualTo(409);
    Answer unsafe =
        call(
            "POST",
            "/api/v1/clusters",
            "application/json",
            JSON.writeValueAsString(
                Map.of(
                    "name",
                    "third",
                    "kubeconfig",
                    kubeconfig.replace("token:", "tokenFile: /etc/passwd\n    x:"))));
    assertThat(unsafe.status()).isEqualTo(400);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(get("/api/v1/clusters/second/overview").status()).isEqualTo(200));
    assertThat(get("/api/v1/clusters").body()).contains("\"second\"").doesNotContain(kubeconfig);

    server.close();
    server = startServer(controlPlane);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> assertThat(get("/api/v1/clusters/second/overview").status()).isEqualTo(200));
    assertThat(get("/api/v1/clusters/second").json().get("source").asString()).isEqualTo("added");
    assertThat(call("DELETE", "/api/v1/clusters/local", null, null).status()).isEqualTo(409);
    assertThat(call("DELETE", "/api/v1/clusters/second", null, null).status()).isEqualTo(204);
    assertThat(get("/api/v1/clusters/second").status()).isEqualTo(404);
    List<String> verbs =
        server.context().getBean(AuditLog.class).find(AuditQuery.latest(50)).stream()
            .map(r -> r.entry().verb() + ":" + r.entry().cluster() + ":" + r.entry().name())
            .toList();
    assertThat(verbs).contains("cluster.remove:kubeward:second");
    assertThat(Files.exists(dir.resolve("data/encryption.key"))).isTrue();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("data/encryption.key"))))
        .isEqualTo("rw-------");
  }
}
