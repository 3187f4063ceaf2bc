package io.kubeward.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The answers of a Kubeward on the local control plane are what its OpenAPI document says (ADR
 * 0015): every JSON answer of the console's endpoints, read with real objects in the cluster, is
 * checked against the schema of its operation in {@code /v3/api-docs} — required properties
 * present, {@code null} only where allowed, enum values known, types right. This is what makes the
 * console's generated types trustworthy: a record component that may be null but is not
 * {@code @Nullable} fails here.
 */
@LocalControlPlane
class ApiContractIT {

  static final String CLUSTER = "local";
  static final String C = "/api/v1/clusters/" + CLUSTER;

  @TempDir static Path dir;
  static RunningServer server;
  static KubernetesClient kube;
  static Session admin;
  static JsonNode document;
  static String namespace;
  static String node;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    namespace = "contract-it-" + suffix;
    node = "contract-it-" + suffix;
    controlPlane.addNodes(List.of(FakeNode.inZone(node, "zone-c")));
    kube = controlPlane.newAdminClient();
    kube.namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    kube.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(Workloads.deployment("web", 2, Map.of("kubernetes.io/hostname", node)))
        .create();
    kube.services()
        .inNamespace(namespace)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "web")
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
    kube.configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .endMetadata()
                .addToData("a", "1")
                .build())
        .create();
    kube.secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("token")
                .endMetadata()
                .addToStringData("t", "x")
                .build())
        .create();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.probe.interval=1s");
    admin = server.admin();
    document = admin.get("/v3/api-docs").json();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                admin.get(C + "/resources/pods?namespace=" + namespace).json().path("total").asInt()
                    == 2);
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.namespaces().withName(namespace).delete();
      kube.nodes().withName(node).delete();
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void signInUsersTokensAndAuditAnswerTheirSchemas() {
    Response created =
        admin.post("/api/v1/auth/tokens", Map.of("name", "contract-it", "expiresInDays", 1));
    check("post", "/api/v1/auth/tokens", created, 201);
    check("get", "/api/v1/auth/me", admin.get("/api/v1/auth/me"), 200);
    check("get", "/api/v1/auth/tokens", admin.get("/api/v1/auth/tokens"), 200);
    check("get", "/api/v1/users", admin.get("/api/v1/users"), 200);
    check("get", "/api/v1/version", admin.get("/api/v1/version"), 200);
    check("get", "/api/v1/audit/verify", admin.get("/api/v1/audit/verify"), 200);
    check("get", "/api/v1/audit", admin.get("/api/v1/audit?limit=200"), 200);
  }

  @Test
  void clustersOverviewsKindsAndEveryCachedListAnswerTheirSchemas() {
    check("get", "/api/v1/clusters", admin.get("/api/v1/clusters"), 200);
    check("get", "/api/v1/clusters/{name}", admin.get(C), 200);
    check("get", "/api/v1/clusters/{name}/overview", admin.get(C + "/overview"), 200);
    check("get", "/api/v1/overview", admin.get("/api/v1/overview"), 200);
    check("get", "/api/v1/clusters/{cluster}/kinds", admin.get(C + "/kinds"), 200);
    for (String kind :
        List.of(
            "nodes",
            "namespaces",
            "pods",
            "deployments",
            "replicasets",
            "services",
            "endpointslices",
            "events",
            "configmaps",
            "secrets")) {
      Response page = admin.get(C + "/resources/" + kind + "?limit=500");
      assertThat(page.json().path("total").asInt()).as(kind).isPositive();
      check("get", "/api/v1/clusters/{cluster}/resources/{kind}", page, 200);
    }
  }

  @Test
  void usageAnswersItsSchemasWithOrWithoutAMetricsSource() {
    String usage = "/api/v1/clusters/{cluster}/usage";
    check("get", usage, admin.get(C + "/usage"), 200);
    check("get", usage + "/nodes", admin.get(C + "/usage/nodes"), 200);
    check("get", usage + "/namespaces", admin.get(C + "/usage/namespaces"), 200);
    check(
        "get",
        usage + "/namespaces/{namespace}/workloads",
        admin.get(C + "/usage/namespaces/" + namespace + "/workloads"),
        200);
    check(
        "get",
        usage + "/pods",
        admin.get(C + "/usage/pods?namespace=" + namespace + "&sort=memory&limit=1"),
        200);
  }

  @Test
  void aNamespaceScopedUserGetsAnOverviewWithoutNodeFigures() {
    Session viewer =
        server.newUser(
            "contract-viewer",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", namespace)));
    Response overview = viewer.get(C + "/overview");
    assertThat(overview.json().get("nodes").isNull()).isTrue();
    check("get", "/api/v1/clusters/{name}/overview", overview, 200);
  }

  @Test
  void nodeDrainPreviewHealthAndObjectsAnswerTheirSchemas() {
    String nodePath = C + "/nodes/" + node;
    check("get", "/api/v1/clusters/{cluster}/nodes/{node}", admin.get(nodePath), 200);
    check(
        "get",
        "/api/v1/clusters/{cluster}/nodes/{node}/drain-preview",
        admin.get(nodePath + "/drain-preview"),
        200);
    check(
        "post",
        "/api/v1/clusters/{cluster}/nodes/{node}/metadata/preview",
        admin.post(
            nodePath + "/metadata/preview",
            Map.of(
                "labels",
                Map.of("pool", "contract"),
                "taints",
                List.of(Map.of("key", "dedicated", "effect", "NoSchedule")))),
        200);
    check("get", "/api/v1/clusters/{cluster}/node-health", admin.get(C + "/node-health"), 200);
    check(
        "post",
        "/api/v1/clusters/{cluster}/object/preview",
        admin.post(
            C + "/object/preview",
            """
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "new-settings", "namespace": "%s"}, "data": {"b": "2"}}
            """
                .formatted(namespace)),
        200);
    Response missing = admin.get(C + "/nodes/no-such-node-" + node);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).startsWith("application/problem+json");
    List<String> errors = new ArrayList<>();
    validate(schemaRef("Problem"), missing.json(), "", errors);
    assertThat(errors).as(missing.body()).isEmpty();
  }

  @Test
  void maintenancesAnswerTheirSchemas() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> admin.get(C + "/maintenances").status() == 200);
    Map<String, Object> spec =
        Map.of("nodes", List.of(node), "concurrency", 1, "paused", true, "uncordon", true);
    check(
        "post",
        "/api/v1/clusters/{cluster}/maintenances/preview",
        admin.post(C + "/maintenances/preview", spec),
        200);
    Map<String, Object> body = new java.util.HashMap<>(spec);
    body.put("name", "contract-it");
    check(
        "post",
        "/api/v1/clusters/{cluster}/maintenances",
        admin.post(C + "/maintenances", body),
        201);
    check(
        "get",
        "/api/v1/clusters/{cluster}/maintenances/{name}",
        admin.get(C + "/maintenances/contract-it"),
        200);
    check("get", "/api/v1/clusters/{cluster}/maintenances", admin.get(C + "/maintenances"), 200);
    check(
        "post",
        "/api/v1/clusters/{cluster}/maintenances/{name}/cancel",
        admin.post(C + "/maintenances/contract-it/cancel", null),
        200);
  }

  @Test
  void theCheckFindsWhatDoesNotFit() {
    List<String> errors = new ArrayList<>();
    validate(
        schemaRef("ClusterStatus"),
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(
                """
                {"name": null, "state": "SLEEPING", "kubernetesVersion": null, "extra": 1}
                """),
        "",
        errors);
    assertThat(String.join("\n", errors))
        .contains("/name: null is not [string]")
        .contains("/state: \"SLEEPING\" is not one of")
        .contains("/since: missing")
        .contains("/extra: on the wire but not in the document")
        .doesNotContain("kubernetesVersion");
  }

  // --- alerting channels ---
  @Test
  void alertChannelsAnswerTheirSchemas() {
    String channels = "/api/v1/alerting/channels";
    Map<String, Object> body =
        Map.of(
            "name",
            "contract-it",
            "type",
            "webhook",
            "settings",
            Map.of("url", "http://127.0.0.1:1/hook"),
            "secrets",
            Map.of("hmacKey", "contract-it-hmac-key"),
            "allowPrivateAddresses",
            true);
    check("post", channels, admin.post(channels, body), 201);
    check("get", channels, admin.get(channels), 200);
    check("get", channels + "/{name}", admin.get(channels + "/contract-it"), 200);
    check(
        "put",
        channels + "/{name}",
        admin.put(
            channels + "/contract-it",
            Map.of(
                "type",
                "webhook",
                "settings",
                body.get("settings"),
                "allowPrivateAddresses",
                true,
                "titleTemplate",
                "{{ status }}")),
        200);
    // nobody listens on port 1: not delivered, with the error
    check("post", channels + "/{name}/test", admin.post(channels + "/contract-it/test", null), 200);
    check(
        "get", "/api/v1/alerting/channel-types", admin.get("/api/v1/alerting/channel-types"), 200);
    assertThat(admin.delete(channels + "/contract-it").status()).isEqualTo(204);
  }

  /** Checks the answer's status and its JSON against the operation's schema for that status. */
  static void check(String method, String path, Response response, int status) {
    assertThat(response.status()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
    JsonNode operation = document.path("paths").path(path).path(method);
    assertThat(operation.isMissingNode()).as("%s %s is in the document", method, path).isFalse();
    JsonNode schema =
        operation
            .path("responses")
            .path(Integer.toString(status))
            .path("content")
            .path("application/json")
            .path("schema");
    assertThat(schema.isMissingNode())
        .as("%s %s documents a JSON answer %d", method, path, status)
        .isFalse();
    List<String> errors = new ArrayList<>();
    validate(schema, response.json(), "", errors);
    assertThat(errors).as("%s %s answered %s", method, path, abbreviate(response.body())).isEmpty();
  }

  static JsonNode schemaRef(String name) {
    return document.path("components").path("schemas").path(name);
  }

  /**
   * The subset of JSON Schema the document uses: $ref, allOf, oneOf/anyOf, type (one or several,
   * "null" included), enum, required, properties, additionalProperties and items.
   */
  static void validate(JsonNode schema, JsonNode value, String at, List<String> errors) {
    if (errors.size() > 20) {
      return;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      validate(schemaRef(ref.substring(ref.lastIndexOf('/') + 1)), value, at, errors);
      return;
    }
    for (JsonNode part : schema.path("allOf")) {
      validate(part, value, at, errors);
    }
    for (String union : List.of("oneOf", "anyOf")) {
      if (schema.has(union)) {
        List<String> tried = new ArrayList<>();
        for (JsonNode option : schema.get(union)) {
          List<String> optionErrors = new ArrayList<>();
          validate(option, value, at, optionErrors);
          if (optionErrors.isEmpty()) {
            tried = null;
            break;
          }
          tried.add(option.path("$ref").asString(option.toString()) + " " + optionErrors);
        }
        if (tried != null) {
          errors.add(at + ": matches none of " + union + ": " + tried);
        }
      }
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asString()));
    } else if (type.isString()) {
      types.add(type.asString());
    }
    if (!types.isEmpty() && types.stream().noneMatch(t -> is(t, value))) {
      errors.add(at + ": " + abbreviate(value.toString()) + " is not " + types);
      return;
    }
    if (value.isNull()) {
      return;
    }
    if (schema.has("enum")) {
      boolean known = false;
      for (JsonNode option : schema.get("enum")) {
        known |= option.equals(value);
      }
      if (!known) {
        errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asString())) {
          errors.add(at + "/" + required.asString() + ": missing");
        }
      }
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      for (String name : value.propertyNames()) {
        if (properties.has(name)) {
          validate(properties.get(name), value.get(name), at + "/" + name, errors);
        } else if (additional.isObject()) {
          validate(additional, value.get(name), at + "/" + name, errors);
        } else if (schema.has("properties") && !additional.asBoolean(false)) {
          errors.add(at + "/" + name + ": on the wire but not in the document");
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        validate(schema.get("items"), value.get(i), at + "/" + i, errors);
      }
    }
  }

  private static boolean is(String type, JsonNode value) {
    return switch (type) {
      case "null" -> value.isNull();
      case "string" -> value.isString();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      default -> true;
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 400 ? text : text.substring(0, 397) + "...";
  }
}
