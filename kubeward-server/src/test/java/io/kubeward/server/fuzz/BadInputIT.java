package io.kubeward.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The defects of issue 11 §3 as a user's client met them, each now a clean 4xx problem: malformed
 * query strings, oversized JSON bodies, unbounded durations, grants with null elements, malformed
 * Leases, multi-document YAML.
 */
@LocalControlPlane
class BadInputIT {

  static RunningServer server;
  static RawHttp http;
  static String token;
  static ApiOperations api;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.probe.interval=1s");
    token = server.admin().createToken("bad-input-it", 1);
    http = new RawHttp(port(), Duration.ofSeconds(120));
    api = ApiOperations.of(server.getAsAdmin("/v3/api-docs").json());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static int port() {
    return Integer.parseInt(server.context().getEnvironment().getProperty("local.server.port"));
  }

  static Map<String, String> admin() {
    return Map.of("Authorization", "Bearer " + token, "Accept", "application/json");
  }

  /** A path with every template parameter filled with a plausible value. */
  static String filled(String template) {
    return template
        .replace("{cluster}", "local")
        .replace("{node}", "kwok-node-0")
        .replace("{kind}", "pods")
        .replace("{namespace}", "default")
        .replace("{name}", "no-such-maintenance")
        .replace("{username}", "admin")
        .replace("{id}", "no-such-token")
        .replace("{pod}", "no-such-pod")
        .replace("{rule}", "pod.crash-loop")
        .replace("{fingerprint}", "0123456789abcdef")
        .replace("{plural}", "deployments")
        .replace("{revision}", "1");
  }

  @Test
  void aMalformedQueryIsA400ProblemOnEveryEndpoint() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (ApiOperations.Operation operation : api.operations()) {
      for (String query : List.of("?continue=%%%garbage&limit=%zz", "?limit=%zz", "?%e4%b8")) {
        String target = filled(operation.path()) + query;
        RawHttp.Response answer =
            http.send(
                operation.method(),
                target,
                admin(),
                operation.method().equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8));
        checked++;
        if (answer.status() != 400
            || !answer.isProblem()
            || !answer.problemCode().equals("request.malformed-query")) {
          failures.add(
              operation.method() + " " + target + " → " + answer.status() + " " + answer.text());
        }
      }
    }
    assertThat(checked).isGreaterThan(60);
    assertThat(failures).isEmpty();
  }

  @Test
  void aMalformedQueryIsRefusedBeforeSignInAndInChinese() {
    RawHttp.Response anonymous =
        http.send(
            "GET",
            "/api/v1/clusters/local/resources/pods?continue=%%%garbage",
            Map.of("Accept-Language", "zh-CN"),
            null);
    assertThat(anonymous.status()).isEqualTo(400);
    assertThat(anonymous.json().path("code").asString()).isEqualTo("request.malformed-query");
    assertThat(anonymous.json().path("title").asString()).isEqualTo("查询字符串格式错误");
  }

  static RawHttp.Response call(String method, String path, String contentType, String body) {
    return call(method, path, contentType, body, "en");
  }

  static RawHttp.Response call(
      String method, String path, String contentType, String body, String language) {
    Map<String, String> headers = new java.util.LinkedHashMap<>(admin());
    headers.put("Accept-Language", language);
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return http.send(
        method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  static void assertProblem(RawHttp.Response answer, int status, String code) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
    assertThat(answer.problemCode()).as(answer.text()).isEqualTo(code);
  }

  @Test
  void durationsBeyondTheirMaximumAreRefusedNamingTheFieldAndTheMaximum() {
    List<String> before = maintenanceNames();
    RawHttp.Response drain =
        call(
            "POST",
            "/api/v1/clusters/local/nodes/kwok-node-0/drain",
            "application/json",
            "{\"timeoutSeconds\": 9223372036854775807}");
    assertProblem(drain, 400, "maintenance.out-of-range");
    assertThat(drain.json().path("field").asString()).isEqualTo("timeoutSeconds");
    assertThat(drain.json().path("maximum").asString()).isEqualTo("604800");
    assertThat(drain.json().path("detail").asString()).contains("timeoutSeconds", "604800");

    RawHttp.Response chinese =
        call(
            "POST",
            "/api/v1/clusters/local/maintenances",
            "application/json",
            "{\"nodes\":[\"kwok-node-0\"],\"drain\":{\"timeout\":\"9223372036854775807s\"}}",
            "zh-CN");
    assertProblem(chinese, 400, "maintenance.out-of-range");
    assertThat(chinese.json().path("title").asString()).isEqualTo("数值超出范围");
    assertThat(chinese.json().path("detail").asString()).contains("drain.timeout", "168h");

    for (String spec :
        List.of(
            "{\"nodes\":[\"kwok-node-0\"],\"actionTimeout\":\"2562047788015216h\"}",
            "{\"nodes\":[\"kwok-node-0\"],\"action\":{\"type\":\"Wait\",\"duration\":\"9223372036854775807s\"}}",
            "{\"nodes\":[\"kwok-node-0\"],\"readyTimeout\":\"PT99999999999999H\"}",
            "{\"nodes\":[\"kwok-node-0\"],\"drain\":{\"gracePeriodSeconds\":2147483647}}",
            "{\"nodes\":[\"kwok-node-0\"],\"concurrency\":2147483647}")) {
      assertProblem(
          call("POST", "/api/v1/clusters/local/maintenances", "application/json", spec),
          400,
          "maintenance.out-of-range");
      assertProblem(
          call("POST", "/api/v1/clusters/local/maintenances/preview", "application/json", spec),
          400,
          "maintenance.out-of-range");
    }
    assertThat(maintenanceNames())
        .as("no maintenance was created by a refused request (other tests' may come and go)")
        .isSubsetOf(before);
  }

  private List<String> maintenanceNames() {
    List<String> names = new java.util.ArrayList<>();
    server
        .getAsAdmin("/api/v1/clusters/local/maintenances")
        .json()
        .path("items")
        .forEach(item -> names.add(item.path("name").asString()));
    return names;
  }

  @Test
  void aMaintenanceMadeWithKubectlWithAnOverflowingTimeoutFailsWithoutCordoningOrLocking(
      io.fabric8.kubernetes.client.KubernetesClient kube) {
    // the server installs the CRD; the list answers once it is there
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> server.getAsAdmin("/api/v1/clusters/local/maintenances").status() == 200);
    io.fabric8.kubernetes.api.model.GenericKubernetesResource object =
        kube.getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: kubeward.io/v1alpha1
                kind: NodeMaintenance
                metadata:
                  name: overflowing-timeout
                spec:
                  nodes: [kwok-node-1]
                  drain:
                    timeout: 9223372036854775807s
                """,
                io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    kube.resource(object).create();
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  server
                      .getAsAdmin("/api/v1/clusters/local/maintenances/overflowing-timeout")
                      .json()
                      .path("phase")
                      .asString()
                      .equals("Failed"));
      tools.jackson.databind.JsonNode view =
          server.getAsAdmin("/api/v1/clusters/local/maintenances/overflowing-timeout").json();
      assertThat(view.path("conditions").toString()).contains("InvalidSpec", "drain.timeout");
      assertThat(kube.nodes().withName("kwok-node-1").get().getSpec().getUnschedulable())
          .isNotEqualTo(Boolean.TRUE);
      io.fabric8.kubernetes.api.model.coordination.v1.Lease lock =
          kube.leases().inNamespace("kubeward-system").withName("kubeward-node-maintenance").get();
      assertThat(lock == null || lock.getSpec().getHolderIdentity() == null).isTrue();
    } finally {
      kube.resource(object).delete();
    }
  }

  @Test
  void grantsWithNullElementsUnknownRolesOrWrongTypesAreRefused() {
    server.newUser("grants-target", List.of());
    for (String body :
        List.of(
            "[null]",
            "[{\"role\":\"viewer\",\"cluster\":\"*\",\"namespace\":\"*\"}, null]",
            "[{\"role\":\"root\",\"cluster\":\"*\",\"namespace\":\"*\"}]",
            "[{\"role\":null,\"cluster\":null,\"namespace\":null}]",
            "[{\"role\":\"viewer\",\"cluster\":\"has space\",\"namespace\":\"*\"}]")) {
      assertProblem(
          call("PUT", "/api/v1/users/grants-target/grants", "application/json", body),
          400,
          "user.invalid-grant");
    }
    for (String body : List.of("[1, 2]", "{\"role\":\"viewer\"}", "\"x\"", "[[]]", "[")) {
      assertProblem(
          call("PUT", "/api/v1/users/grants-target/grants", "application/json", body),
          400,
          "request.malformed-body");
    }
    assertThat(server.getAsAdmin("/api/v1/users").body()).contains("grants-target");
  }

  @Test
  void aJsonBodyLargerThanOneMebibyteIsA413WithOrWithoutALength() {
    String huge = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\",\"expiresInDays\":1}";
    for (boolean chunked : List.of(false, true)) {
      Map<String, String> headers = new java.util.LinkedHashMap<>(admin());
      headers.put("Content-Type", "application/json");
      RawHttp.Response answer =
          http.send(
              "POST",
              "/api/v1/auth/tokens",
              headers,
              huge.getBytes(StandardCharsets.UTF_8),
              chunked);
      assertProblem(answer, 413, "request.too-large");
    }
  }

  @Test
  void malformedLeasesAreRefusedCleanlyAndNeverBreakTheirReaders(
      io.fabric8.kubernetes.client.KubernetesClient kube,
      io.kubeward.testkit.TestNamespace namespace) {
    String ns = namespace.name();
    for (String lease :
        List.of(
            "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l1, namespace: "
                + ns
                + "}\nspec: {leaseDurationSeconds: abc}",
            "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l2, namespace: "
                + ns
                + "}\nspec: {renewTime: yesterday}",
            "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l3, namespace: "
                + ns
                + "}\nspec: {leaseDurationSeconds: -5}",
            "apiVersion: coordination.k8s.io/v1\nkind: Lease\nmetadata: {name: l4, namespace: "
                + ns
                + "}\nspec: [1, 2]")) {
      RawHttp.Response answer =
          call("POST", "/api/v1/clusters/local/object/apply", "application/yaml", lease);
      assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
      assertThat(answer.isProblem()).isTrue();
    }
    assertThat(kube.leases().inNamespace(ns).list().getItems()).isEmpty();

    // Leases the readers meet: one in kube-node-lease for no node, without a spec, and one far in
    // the future; the maintenance lock Lease without a spec.
    List<io.fabric8.kubernetes.api.model.coordination.v1.Lease> odd =
        List.of(
            lease("kube-node-lease", "not-a-node-without-spec", null),
            lease("kube-node-lease", "not-a-node-from-the-future", "9999-12-31T23:59:59.999999Z"),
            lease("kube-node-lease", "not-a-node-from-the-past", "0001-01-01T00:00:00.000000Z"));
    try {
      odd.forEach(l -> kube.resource(l).create());
      assertThat(server.getAsAdmin("/api/v1/clusters/local/nodes/kwok-node-0").status())
          .isEqualTo(200);
      assertThat(server.getAsAdmin("/api/v1/clusters/local/node-health").status()).isEqualTo(200);
    } finally {
      odd.forEach(l -> kube.resource(l).delete());
    }
  }

  static io.fabric8.kubernetes.api.model.coordination.v1.Lease lease(
      String namespace, String name, String renewTime) {
    var builder =
        new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata();
    if (renewTime != null) {
      builder
          .withNewSpec()
          .withHolderIdentity("someone")
          .withRenewTime(java.time.ZonedDateTime.parse(renewTime))
          .endSpec();
    }
    return builder.build();
  }

  static String configMap(String namespace, String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\n  namespace: "
        + namespace
        + "\ndata:\n  a: \"1\"\n";
  }

  @Test
  void aFormBodyWithAMalformedPercentEscapeIsRefusedWithA4xxNotA500() {
    for (String method : List.of("PUT", "PATCH", "DELETE")) {
      RawHttp.Response answer =
          call(
              method,
              "/api/v1/alerting/channels/1e309",
              "application/x-www-form-urlencoded",
              "name=%zz&type=%");
      assertThat(answer.status()).as(method + " " + answer.text()).isBetween(400, 499);
      assertThat(answer.text()).doesNotContain("Exception");
    }
  }

  @Test
  void aMalformedSecondDocumentIsA400NamingItAndNothingIsCreated(
      io.fabric8.kubernetes.client.KubernetesClient kube,
      io.kubeward.testkit.TestNamespace namespace) {
    String body = configMap(namespace.name(), "first") + "---\nkind: [unclosed\n  - x: {\n";
    for (String path : List.of("/object/apply", "/object/preview")) {
      RawHttp.Response answer =
          call("POST", "/api/v1/clusters/local" + path, "application/yaml", body);
      assertProblem(answer, 400, "resource.malformed");
      assertThat(answer.json().path("document").asInt()).isEqualTo(2);
      assertThat(answer.json().path("line").asInt()).isGreaterThanOrEqualTo(9);
    }
    assertThat(kube.configMaps().inNamespace(namespace.name()).withName("first").get()).isNull();
  }

  @Test
  void aValidMultiDocumentBodyAppliesEveryDocumentWithAResultAndAnAuditRecordEach(
      io.fabric8.kubernetes.client.KubernetesClient kube,
      io.kubeward.testkit.TestNamespace namespace) {
    String ns = namespace.name();
    String body = configMap(ns, "one") + "---\n" + configMap(ns, "two") + "---\n";

    RawHttp.Response preview =
        call("POST", "/api/v1/clusters/local/object/preview", "application/yaml", body);
    assertThat(preview.status()).as(preview.text()).isEqualTo(200);
    assertThat(preview.json().path("documents")).hasSize(2);
    assertThat(preview.json().path("documents").get(1).path("name").asString()).isEqualTo("two");
    assertThat(kube.configMaps().inNamespace(ns).withName("one").get()).isNull();

    RawHttp.Response applied =
        call("POST", "/api/v1/clusters/local/object/apply", "application/yaml", body);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    assertThat(applied.json().path("documents")).hasSize(2);
    assertThat(applied.json().path("documents").get(0).path("changed").asBoolean()).isTrue();
    assertThat(kube.configMaps().inNamespace(ns).withName("one").get()).isNotNull();
    assertThat(kube.configMaps().inNamespace(ns).withName("two").get()).isNotNull();

    tools.jackson.databind.JsonNode audit =
        server.getAsAdmin("/api/v1/audit?namespace=" + ns + "&verb=apply").json().path("items");
    assertThat(audit).hasSize(2);

    Map<String, String> yamlAccept = new java.util.LinkedHashMap<>(admin());
    yamlAccept.put("Accept", "application/yaml");
    yamlAccept.put("Content-Type", "application/yaml");
    RawHttp.Response asYaml =
        http.send(
            "POST",
            "/api/v1/clusters/local/object/apply",
            yamlAccept,
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(asYaml.status()).isEqualTo(200);
    assertThat(asYaml.text()).contains("name: one", "---", "name: two");
  }

  @Test
  void aDocumentTheClusterRefusesMeansNothingIsAppliedAndEachDocumentHasItsResult(
      io.fabric8.kubernetes.client.KubernetesClient kube,
      io.kubeward.testkit.TestNamespace namespace) {
    String ns = namespace.name();
    String body = configMap(ns, "fine") + "---\n" + configMap(ns, "Not_A_Valid_Name");
    RawHttp.Response answer =
        call("POST", "/api/v1/clusters/local/object/apply", "application/yaml", body, "zh-CN");
    // the status of the first refusal: the apiserver's 422 for an invalid name
    assertProblem(answer, 422, "resource.documents-refused");
    assertThat(answer.json().path("title").asString()).isEqualTo("文档被拒绝");
    tools.jackson.databind.JsonNode documents = answer.json().path("documents");
    assertThat(documents).hasSize(2);
    assertThat(documents.get(0).path("result").asString()).isEqualTo("accepted");
    assertThat(documents.get(1).path("result").asString()).isEqualTo("refused");
    assertThat(documents.get(1).path("problem").path("code").asString())
        .isEqualTo("resource.rejected");
    assertThat(documents.get(1).path("problem").path("title").asString()).isEqualTo("集群拒绝了对象");
    assertThat(kube.configMaps().inNamespace(ns).withName("fine").get()).isNull();
    tools.jackson.databind.JsonNode audit =
        server.getAsAdmin("/api/v1/audit?namespace=" + ns + "&verb=apply").json().path("items");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).path("result").asString()).isEqualTo("failure");
  }

  @Test
  void aClientThatGoesAwayFromAnExportOrAStreamLeavesNoErrorInTheLog(
      io.fabric8.kubernetes.client.KubernetesClient kube,
      io.kubeward.testkit.TestNamespace namespace)
      throws Exception {
    io.kubeward.audit.app.AuditLog auditLog =
        server.context().getBean(io.kubeward.audit.app.AuditLog.class);
    // an export (about 12 MB) far larger than the socket buffers (at most 4 MB sent unread)
    for (int i = 0; i < 3000; i++) {
      auditLog.append(
          new io.kubeward.audit.domain.AuditEntry(
              java.time.Instant.now(),
              "export-filler",
              io.kubeward.access.domain.Origin.API,
              "127.0.0.1",
              "local",
              namespace.name(),
              "ConfigMap",
              "filler-" + i,
              "apply",
              "x".repeat(4000),
              io.kubeward.audit.domain.AuditEntry.Result.SUCCESS,
              null));
    }
    ch.qos.logback.classic.Logger problems =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger("io.kubeward.server.web.ApiProblems");
    ch.qos.logback.classic.Level level = problems.getLevel();
    problems.setLevel(ch.qos.logback.classic.Level.DEBUG);
    ch.qos.logback.classic.Logger downloads =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(io.kubeward.server.web.Downloads.class);
    downloads.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try (LogCapture log = LogCapture.open()) {
      for (String format : List.of("json", "csv")) {
        hangUpAfterTheFirstBytes("/api/v1/audit/export?format=" + format);
      }
      org.awaitility.Awaitility.await("the server noticed both clients went away")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  log.debug().stream()
                          .filter(m -> m.contains("client went away from the audit export"))
                          .count()
                      == 2);

      for (int i = 0; i < 3; i++) {
        hangUpAfterTheFirstBytes("/api/v1/clusters/local/stream");
      }
      // changes the gone clients' streams try to send; a live stream shows they were sent
      try (java.net.Socket live = openStream("/api/v1/clusters/local/stream")) {
        java.io.BufferedReader reader =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(live.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        // the first event (the overview's counters) shows the live stream is subscribed
        assertThat(readUntil(reader, "event:", deadline)).isNotNull();
        kube.configMaps()
            .inNamespace(namespace.name())
            .resource(
                new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("wake-the-streams")
                    .endMetadata()
                    .build())
            .create();
        assertThat(readUntil(reader, "wake-the-streams", deadline)).isNotNull();
      }
      assertThat(log.problems()).isEmpty();
    } finally {
      problems.setLevel(level);
      downloads.setLevel(null);
    }
  }

  /** The first line containing {@code text}, or {@code null} when the stream ends or time is up. */
  static String readUntil(java.io.BufferedReader reader, String text, long deadline)
      throws java.io.IOException {
    while (System.nanoTime() < deadline) {
      String line = reader.readLine();
      if (line == null || line.contains(text)) {
        return line;
      }
    }
    return null;
  }

  /** Sends a GET, reads the first bytes of the answer and closes the connection. */
  static void hangUpAfterTheFirstBytes(String path) throws Exception {
    try (java.net.Socket socket = openStream(path)) {
      socket.getInputStream().readNBytes(64);
    }
  }

  static java.net.Socket openStream(String path) throws Exception {
    java.net.Socket socket = new java.net.Socket();
    socket.setReceiveBufferSize(1024);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port()), 5000);
    socket.setSoTimeout(30_000);
    socket
        .getOutputStream()
        .write(
            ("GET "
                    + path
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + token
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    return socket;
  }
}
