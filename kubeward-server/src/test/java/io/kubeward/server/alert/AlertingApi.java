package io.kubeward.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the alerting ITs do as a user: channels, the policy and silences through the REST API (issue
 * 14's contract, COORDINATION-14 "REST paths"), rules as {@code ClusterAlertRule} / {@code
 * AlertRule} objects applied to the cluster (rules live in Git: {@code kubectl apply}), and alerts
 * and history read back through the REST API.
 */
final class AlertingApi {

  static final String GROUP_VERSION = "kubeward.io/v1alpha1";
  static final String CLUSTER_RULE = "ClusterAlertRule";
  static final String RULE = "AlertRule";

  /** The names of the default rule set (ClusterAlertRules created at controller start). */
  static final List<String> DEFAULT_RULES =
      List.of(
          "node-not-ready",
          "pod-crash-looping",
          "deployment-unavailable",
          "pvc-pending",
          "quota-exhausted",
          "apiserver-certificate-expiry");

  /** Where the controller runtime keeps its Lease and the record of created defaults. */
  static final String CONTROLLERS_NAMESPACE = "kubeward-system";

  static final String DEFAULTS_RECORD = "kubeward-alert-rule-defaults";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration DEADLINE = Duration.ofSeconds(90);

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

  AlertingApi(Rest rest, KubernetesClient kube, String cluster) {
    this.rest = rest;
    this.kube = kube;
    this.cluster = cluster;
  }

  static AlertingApi of(RunningServer.Client client, KubernetesClient kube, String cluster) {
    return new AlertingApi(
        (method, path, body) -> {
          RunningServer.Response r = client.send(method, path, body, Map.of());
          return new Reply(r.status(), r.body());
        },
        kube,
        cluster);
  }

  String cluster() {
    return cluster;
  }

  Reply send(String method, String path, Object body) {
    return rest.send(method, path, body);
  }

  // ---------------------------------------------------------------- channels

  /** Creates (or replaces) a webhook channel to {@code url} on loopback. */
  void webhookChannel(String name, URI url) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "webhook");
    body.put("enabled", true);
    body.put("language", "en");
    body.put("settings", Map.of("url", url.toString()));
    body.put("secrets", Map.of());
    body.put("allowPrivateAddresses", true);
    body.put("maxPerMinute", 600);
    Reply created = rest.send("POST", "/api/v1/alerting/channels", body);
    if (created.status() == 409) {
      created = rest.send("PUT", "/api/v1/alerting/channels/" + name, body);
    }
    assertThat(created.status()).as("channel %s: %s", name, created.body()).isIn(200, 201);
  }

  // ---------------------------------------------------------------- policy

  void policy(Map<String, Object> document) {
    Reply saved = rest.send("PUT", "/api/v1/alerting/policy", document);
    assertThat(saved.status()).as("policy: %s", saved.body()).isIn(200, 204);
  }

  /** A route (or the root route's settings) as the policy document spells it. */
  static Map<String, Object> route(
      List<String> matchers, List<String> channels, List<String> groupBy, String groupWait) {
    Map<String, Object> route = new LinkedHashMap<>();
    if (!matchers.isEmpty()) {
      route.put("matchers", matchers);
    }
    route.put("channels", channels);
    route.put("groupBy", groupBy);
    route.put("groupWait", groupWait);
    route.put("groupInterval", "2s");
    route.put("repeatInterval", "4h");
    route.put("sendResolved", true);
    route.put("continue", false);
    route.put("routes", List.of());
    return route;
  }

  // ---------------------------------------------------------------- rules (CRDs)

  /** Waits until the controller runtime installed the rule CRDs (at the server's start). */
  void awaitRuleCrds() {
    await("the alert rule CRDs established")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                established("clusteralertrules.kubeward.io")
                    && established("alertrules.kubeward.io"));
  }

  private boolean established(String name) {
    CustomResourceDefinition crd =
        kube.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Applies a ClusterAlertRule {@code name} with this spec, as {@code kubectl apply} would. */
  GenericKubernetesResource clusterRule(String name, Map<String, Object> spec) {
    GenericKubernetesResource rule =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(GROUP_VERSION)
            .withKind(CLUSTER_RULE)
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .addToAdditionalProperties("spec", spec)
            .build();
    return kube.resource(rule).fieldManager("alerting-it").forceConflicts().serverSideApply();
  }

  /** Applies a namespaced AlertRule. */
  GenericKubernetesResource namespacedRule(
      String namespace, String name, Map<String, Object> spec) {
    GenericKubernetesResource rule =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(GROUP_VERSION)
            .withKind(RULE)
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .addToAdditionalProperties("spec", spec)
            .build();
    return kube.resource(rule).fieldManager("alerting-it").forceConflicts().serverSideApply();
  }

  void deleteClusterRule(String name) {
    kube.genericKubernetesResources(GROUP_VERSION, CLUSTER_RULE).withName(name).delete();
  }

  /** Waits until the rule's status says {@code Accepted=True} for its current generation. */
  void awaitAccepted(String name) {
    await("rule " + name + " Accepted")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(300))
        .until(() -> accepted(name));
  }

  @SuppressWarnings("unchecked")
  private boolean accepted(String name) {
    GenericKubernetesResource rule =
        kube.genericKubernetesResources(GROUP_VERSION, CLUSTER_RULE).withName(name).get();
    if (rule == null || !(rule.getAdditionalProperties().get("status") instanceof Map<?, ?> s)) {
      return false;
    }
    Map<String, Object> status = (Map<String, Object>) s;
    Object observed = status.get("observedGeneration");
    if (observed instanceof Number n && n.longValue() < rule.getMetadata().getGeneration()) {
      return false;
    }
    Object conditions = status.get("conditions");
    if (!(conditions instanceof List<?> list)) {
      return false;
    }
    return list.stream()
        .filter(Map.class::isInstance)
        .map(c -> (Map<String, Object>) c)
        .anyMatch(c -> "Accepted".equals(c.get("type")) && "True".equals(c.get("status")));
  }

  /**
   * The defaults Kubeward created in this cluster, as recorded in the ConfigMap {@value
   * #DEFAULTS_RECORD} of the controllers' namespace (once recorded, a default is never created
   * again, so a test class that runs later on the shared control plane finds them recorded).
   */
  List<String> recordedDefaults() {
    var record =
        kube.configMaps().inNamespace(CONTROLLERS_NAMESPACE).withName(DEFAULTS_RECORD).get();
    return record == null || record.getData() == null
        ? List.of()
        : List.copyOf(record.getData().keySet());
  }

  /** Turns the default rules off (they stay, {@code enabled: false}): the ITs use their own. */
  void disableDefaultRules() {
    await("the default rules recorded")
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> recordedDefaults().containsAll(DEFAULT_RULES));
    setDefaultRulesEnabled(false);
  }

  /**
   * Turns the default rules on again, as the test class found them: the control plane is shared
   * with later test classes, which expect the defaults as Kubeward made them.
   */
  void enableDefaultRules() {
    setDefaultRulesEnabled(true);
  }

  private void setDefaultRulesEnabled(boolean enabled) {
    for (String name : DEFAULT_RULES) {
      var rule = kube.genericKubernetesResources(GROUP_VERSION, CLUSTER_RULE).withName(name);
      if (rule.get() == null) {
        continue; // deleted by someone: stays deleted
      }
      rule.edit(
          r -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec =
                (Map<String, Object>) r.getAdditionalProperties().get("spec");
            spec.put("enabled", enabled);
            return r;
          });
    }
  }

  /** A rule spec: severity, for, one condition, annotations. */
  static Map<String, Object> spec(
      String severity, String forDuration, Map<String, Object> condition) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("enabled", true);
    spec.put("severity", severity);
    spec.put("for", forDuration);
    spec.put("condition", condition);
    spec.put("labels", Map.of("team", "it"));
    spec.put(
        "annotations",
        Map.of(
            "summary", "{{ $labels.alertname }} on {{ $labels.node }}",
            "summary.zh-CN", "{{ $labels.alertname }} 于 {{ $labels.node }}"));
    return spec;
  }

  static Map<String, Object> nodeHealth(String node) {
    return Map.of(
        "nodeHealth",
        Map.of(
            "types",
            List.of("NotReady", "Unknown", "HeartbeatStale"),
            "selector",
            Map.of("matchLabels", Map.of("kubernetes.io/hostname", node))));
  }

  static Map<String, Object> crashLoops(String namespace) {
    return Map.of(
        "finding",
        Map.of(
            "rules",
            List.of("pod.crash-loop"),
            "kinds",
            List.of("Pod"),
            "namespaces",
            List.of(namespace)));
  }

  static Map<String, Object> promql(String expr) {
    return Map.of("promql", Map.of("expr", expr));
  }

  // ---------------------------------------------------------------- silences

  /** Creates a silence for the given matchers from now for {@code duration}; returns its id. */
  String silence(List<String> matchers, Duration duration, String comment) {
    Instant now = Instant.now();
    Reply created =
        rest.send(
            "POST",
            "/api/v1/silences",
            Map.of(
                "matchers",
                matchers,
                "startsAt",
                now.minusSeconds(5).toString(),
                "endsAt",
                now.plus(duration).toString(),
                "comment",
                comment));
    assertThat(created.status()).as("silence: %s", created.body()).isIn(200, 201);
    JsonNode silence = created.json();
    assertThat(silence.path("state").asString()).isEqualTo("active");
    return silence.path("id").asString();
  }

  void expireSilence(String id) {
    Reply expired = rest.send("DELETE", "/api/v1/silences/" + id, null);
    assertThat(expired.status()).as("expire silence: %s", expired.body()).isIn(200, 204);
  }

  // ---------------------------------------------------------------- alerts and history

  /** The alerts of this cluster for a rule (e.g. {@code it-node-x}), any state. */
  List<JsonNode> alerts(String rule) {
    Reply page =
        rest.send(
            "GET",
            "/api/v1/alerts?cluster=" + cluster + "&rule=" + encode(rule) + "&limit=500",
            null);
    assertThat(page.status()).as("alerts: %s", page.body()).isEqualTo(200);
    return items(page.json());
  }

  /** The alerts of a rule in a state ({@code PENDING}, {@code FIRING}, {@code RESOLVED}). */
  List<JsonNode> alerts(String rule, String state) {
    return alerts(rule).stream()
        .filter(a -> state.equalsIgnoreCase(a.path("state").asString()))
        .toList();
  }

  /** History entries matching a query, e.g. {@code rule=it-x&kind=SILENCED}. */
  List<JsonNode> history(String query) {
    Reply page =
        rest.send("GET", "/api/v1/alerts/history?cluster=" + cluster + "&limit=500&" + query, null);
    assertThat(page.status()).as("history: %s", page.body()).isEqualTo(200);
    return items(page.json());
  }

  static List<JsonNode> items(JsonNode page) {
    JsonNode items = page.isArray() ? page : page.path("items");
    List<JsonNode> list = new ArrayList<>();
    items.forEach(list::add);
    return list;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
