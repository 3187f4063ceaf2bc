package io.kubeward.server.release.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.ServerJvm;
import io.kubeward.testkit.scenario.ReleaseScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the release ITs do as a user (COORDINATION-15's contract): Releases created, promoted,
 * aborted, retried, paused and resumed through the REST API as the signed-in admin, and the
 * Release's {@code status} read back from the apiserver (the CRD {@code kubeward.io/v1alpha1
 * Release} is the contract; the REST answer's shape is the release part's). The only class that
 * knows the REST paths and the CRD's field names, so a change of the contract is one edit here.
 */
final class ReleaseApi {

  static final String GROUP_VERSION = "kubeward.io/v1alpha1";
  static final String KIND = "Release";
  static final String CRD = "releases.kubeward.io";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration CRD_DEADLINE = Duration.ofSeconds(120);

  /** One HTTP call as a signed-in user. */
  interface Rest {
    Reply send(String method, String path, Object body);
  }

  record Reply(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private final Rest rest;
  private final KubernetesClient kube;
  private final String cluster;

  ReleaseApi(Rest rest, KubernetesClient kube, String cluster) {
    this.rest = rest;
    this.kube = kube;
    this.cluster = cluster;
  }

  static ReleaseApi of(RunningServer.Client client, KubernetesClient kube, String cluster) {
    return new ReleaseApi(
        (method, path, body) -> {
          RunningServer.Response r = client.send(method, path, body, Map.of());
          return new Reply(r.status(), r.body());
        },
        kube,
        cluster);
  }

  static ReleaseApi of(ServerJvm server, KubernetesClient kube, String cluster) {
    return new ReleaseApi(
        (method, path, body) -> {
          ServerJvm.Reply r = server.send(method, path, body);
          return new Reply(r.status(), r.body());
        },
        kube,
        cluster);
  }

  // ------------------------------------------------------------------------------ REST

  private String path(String namespace, String name) {
    return "/api/v1/clusters/" + cluster + "/namespaces/" + namespace + "/releases/" + name;
  }

  /**
   * Creates (or replaces) the Release through {@code PUT …/releases/{name}} with {@code {spec}}.
   */
  Reply create(String namespace, String name, Map<String, Object> spec) {
    Reply reply = rest.send("PUT", path(namespace, name), Map.of("spec", spec));
    assertThat(reply.status()).as("PUT release %s: %s", name, reply.body()).isIn(200, 201);
    return reply;
  }

  /** {@code GET …/releases/{name}} as the caller. */
  Reply get(String namespace, String name) {
    return rest.send("GET", path(namespace, name), null);
  }

  /** {@code GET /api/v1/clusters/{c}/releases?namespace=}. */
  Reply list(String namespace) {
    return rest.send(
        "GET", "/api/v1/clusters/" + cluster + "/releases?namespace=" + namespace, null);
  }

  Reply delete(String namespace, String name) {
    return rest.send("DELETE", path(namespace, name), null);
  }

  /** {@code POST …/promote {full}}: skips the current pause/step, or every step. */
  void promote(String namespace, String name, boolean full) {
    action(namespace, name, "promote", Map.of("full", full));
  }

  void abort(String namespace, String name) {
    action(namespace, name, "abort", Map.of());
  }

  void retry(String namespace, String name) {
    action(namespace, name, "retry", Map.of());
  }

  void pause(String namespace, String name) {
    action(namespace, name, "pause", Map.of());
  }

  void resume(String namespace, String name) {
    action(namespace, name, "resume", Map.of());
  }

  private void action(String namespace, String name, String action, Map<String, Object> body) {
    Reply reply = rest.send("POST", path(namespace, name) + "/" + action, body);
    assertThat(reply.status()).as("%s %s: %s", action, name, reply.body()).isBetween(200, 299);
  }

  /** Configures the cluster's Prometheus (as {@code PromqlAlertIT} does). */
  void prometheus(String baseUrl) {
    Reply saved =
        rest.send(
            "PUT",
            "/api/v1/clusters/" + cluster + "/prometheus",
            Map.of("url", baseUrl, "auth", "none", "allowPrivateAddresses", true, "timeout", 10));
    assertThat(saved.status()).as("prometheus: %s", saved.body()).isEqualTo(200);
  }

  // ------------------------------------------------------------------------------ the CRD

  /** Waits until the controller runtime installed the Release CRD (at the server's start). */
  void awaitCrd() {
    ReleaseScenario.awaitValue(
        "the CRD " + CRD + " established",
        () -> kube.apiextensions().v1().customResourceDefinitions().withName(CRD).get(),
        ReleaseApi::established,
        CRD_DEADLINE);
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The Release's status as the apiserver has it (an empty node when none yet). */
  Status status(String namespace, String name) {
    GenericKubernetesResource release =
        kube.genericKubernetesResources(GROUP_VERSION, KIND)
            .inNamespace(namespace)
            .withName(name)
            .get();
    if (release == null) {
      return new Status(JSON.createObjectNode(), 0);
    }
    Object status = release.getAdditionalProperties().get("status");
    JsonNode node = status == null ? JSON.createObjectNode() : JSON.valueToTree(status);
    Long generation = release.getMetadata().getGeneration();
    return new Status(node, generation == null ? 0 : generation);
  }

  /** Waits until the status matches; the assertion error names {@code what} and the last status. */
  Status awaitStatus(
      String namespace, String name, String what, Predicate<Status> condition, Duration timeout) {
    return ReleaseScenario.awaitValue(
        "Release " + name + ": " + what, () -> status(namespace, name), condition, timeout);
  }

  /** Waits for a phase ({@code Paused}, {@code Succeeded}, {@code Degraded}, …). */
  Status awaitPhase(String namespace, String name, String phase, Duration timeout) {
    return awaitStatus(namespace, name, "phase " + phase, s -> s.phase().equals(phase), timeout);
  }

  /**
   * Waits until the Release waits at step {@code step} (a {@code pause: {}} until promoted): {@code
   * status.currentStep == step} and phase {@code Paused}.
   */
  Status awaitPausedAt(String namespace, String name, int step, Duration timeout) {
    return awaitStatus(
        namespace,
        name,
        "paused at step " + step,
        s -> s.currentStep() == step && s.phase().equals("Paused"),
        timeout);
  }

  /** The Release's {@code status} (contract in COORDINATION-15) and its object's generation. */
  record Status(JsonNode json, long generation) {

    String phase() {
      return json.path("phase").asString("");
    }

    int currentStep() {
      return json.path("currentStep").asInt(-1);
    }

    int canaryWeight() {
      return json.path("canaryWeight").asInt(-1);
    }

    int totalReplicas() {
      return json.path("totalReplicas").asInt(-1);
    }

    String stableHash() {
      return json.path("stableHash").asString("");
    }

    String canaryHash() {
      return json.path("canaryHash").asString("");
    }

    String stepStartedAt() {
      return json.path("stepStartedAt").asString("");
    }

    String abortReason() {
      return json.path("abort").path("reason").asString("");
    }

    /** The running (or last) step analysis: {@code status.analysis}. */
    JsonNode analysis() {
      return json.path("analysis");
    }

    String analysisPhase() {
      return analysis().path("phase").asString("");
    }

    /** Every measurement of {@code status.analysis} (each check's recent ones). */
    List<JsonNode> measurements() {
      List<JsonNode> all = new ArrayList<>();
      analysis().path("checks").forEach(c -> c.path("recent").forEach(all::add));
      return all;
    }

    /** A condition's status ({@code True}/{@code False}) or "" when absent. */
    String condition(String type) {
      for (JsonNode c : json.path("conditions")) {
        if (type.equals(c.path("type").asString())) {
          return c.path("status").asString("");
        }
      }
      return "";
    }

    String conditionReason(String type) {
      for (JsonNode c : json.path("conditions")) {
        if (type.equals(c.path("type").asString())) {
          return c.path("reason").asString("");
        }
      }
      return "";
    }

    @Override
    public String toString() {
      return json.toString();
    }
  }

  // ------------------------------------------------------------------------------ spec builders

  /** A canary Release of {@code deployment} to {@link ReleaseScenario#NEW_IMAGE}. */
  static Map<String, Object> canary(String deployment, List<Map<String, Object>> steps) {
    return canary(deployment, steps, null);
  }

  /** A canary Release with a traffic routing ({@code null}: replica ratio). */
  static Map<String, Object> canary(
      String deployment, List<Map<String, Object>> steps, Map<String, Object> trafficRouting) {
    Map<String, Object> canary = new LinkedHashMap<>();
    canary.put("stableService", deployment);
    canary.put("canaryService", deployment + "-canary");
    canary.put("maxSurge", "25%");
    canary.put("maxUnavailable", 0);
    if (trafficRouting != null) {
      canary.put("trafficRouting", trafficRouting);
    }
    canary.put("steps", steps);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("deployment", deployment);
    spec.put("version", version());
    spec.put("progressDeadline", "5m");
    spec.put("strategy", Map.of("canary", canary));
    return spec;
  }

  /** A blue-green Release of {@code deployment} to {@link ReleaseScenario#NEW_IMAGE}. */
  static Map<String, Object> blueGreen(
      String deployment, String previewService, boolean autoPromotion, String scaleDownDelay) {
    Map<String, Object> blueGreen = new LinkedHashMap<>();
    blueGreen.put("activeService", deployment);
    blueGreen.put("previewService", previewService);
    blueGreen.put("autoPromotion", autoPromotion);
    blueGreen.put("autoPromotionDelay", "0s");
    blueGreen.put("scaleDownDelay", scaleDownDelay);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("deployment", deployment);
    spec.put("version", version());
    spec.put("progressDeadline", "5m");
    spec.put("strategy", Map.of("blueGreen", blueGreen));
    return spec;
  }

  static Map<String, Object> version() {
    return Map.of("images", Map.of(ReleaseScenario.CONTAINER, ReleaseScenario.NEW_IMAGE));
  }

  static Map<String, Object> setWeight(int weight) {
    return Map.of("setWeight", weight);
  }

  /** {@code pause: {}}: until promoted. */
  static Map<String, Object> pauseUntilPromoted() {
    return Map.of("pause", Map.of());
  }

  static Map<String, Object> pauseFor(String duration) {
    return Map.of("pause", Map.of("duration", duration));
  }

  static Map<String, Object> analysis(List<Map<String, Object>> checks) {
    return Map.of("analysis", Map.of("checks", checks));
  }

  /** A PromQL check: {@code count} measurements every {@code interval}, no failure tolerated. */
  static Map<String, Object> promqlCheck(
      String name, String query, String successCondition, String interval, int count) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("name", name);
    check.put("interval", interval);
    check.put("count", count);
    check.put("failureLimit", 0);
    check.put("consecutiveErrorLimit", 2);
    check.put("promql", Map.of("query", query, "successCondition", successCondition));
    return check;
  }

  static Map<String, Object> gatewayApi(String httpRoute) {
    return Map.of("gatewayApi", Map.of("httpRoute", httpRoute));
  }

  /** {@code ceil(total * weight / 100)}: the canary's replicas at a weight (the replica plan). */
  static int canaryReplicas(int total, int weight) {
    return (total * weight + 99) / 100;
  }
}
