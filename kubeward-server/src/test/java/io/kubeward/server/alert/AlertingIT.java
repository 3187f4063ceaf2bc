package io.kubeward.server.alert;

import static io.kubeward.server.alert.AlertingApi.crashLoops;
import static io.kubeward.server.alert.AlertingApi.nodeHealth;
import static io.kubeward.server.alert.AlertingApi.route;
import static io.kubeward.server.alert.AlertingApi.spec;
import static io.kubeward.server.alert.WebhookMessage.firing;
import static io.kubeward.server.alert.WebhookMessage.mentions;
import static io.kubeward.server.alert.WebhookMessage.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.receiver.RecordingReceiver;
import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import io.kubeward.testkit.scenario.CrashLoops;
import io.kubeward.testkit.scenario.ScriptedNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's end-to-end alerting tests on the local control plane, as a user sees them: rules are
 * {@code ClusterAlertRule} objects, channels/policy/silences are set through the REST API, and what
 * counts is what reaches a webhook receiver on loopback and what the alerts and history API show.
 *
 * <p>The nodes that go down are {@link ScriptedNode}s (their kubelet is the test), so that one node
 * stops heartbeating while the KWOK nodes every other test uses keep theirs. The default rules are
 * switched off ({@code enabled: false}) so that each test sees only its own rule's alerts.
 */
@LocalControlPlane
class AlertingIT {

  static final String CLUSTER = "local";
  static final String HOOK = "it-hook";
  static final String FLAKY = "it-flaky";

  /** {@code kubeward.node-health.heartbeat-stale-after} below. */
  static final Duration STALE_AFTER = Duration.ofSeconds(10);

  /** How long a notification may take beyond the rule's {@code for} (evaluation, group wait). */
  static final Duration FEW_SECONDS = Duration.ofSeconds(15);

  /** How long a test watches for a notification that must not come. */
  static final Duration QUIET = Duration.ofSeconds(8);

  static RunningServer server;
  static KubernetesClient kube;
  static AlertingApi api;
  static RecordingReceiver hook;
  static RecordingReceiver flaky;
  final List<String> rules = new ArrayList<>();
  final List<AutoCloseable> closeAfter = new ArrayList<>();

  @BeforeAll
  static void start(ControlPlane controlPlane, KubernetesClient admin) {
    kube = admin;
    hook = RecordingReceiver.start();
    flaky = RecordingReceiver.start();
    server = RunningServer.start(serverArguments(controlPlane));
    api = AlertingApi.of(server.admin(), kube, CLUSTER);
    api.awaitRuleCrds();
    api.disableDefaultRules();
    api.webhookChannel(HOOK, hook.url("/hook"));
    api.webhookChannel(FLAKY, flaky.url("/flaky"));
    api.policy(policy());
  }

  static String[] serverArguments(ControlPlane controlPlane) {
    return new String[] {
      "--kubeconfig",
      controlPlane.kubewardKubeconfig().toString(),
      "--kubeward.cluster-name=" + CLUSTER,
      "--kubeward.probe.interval=1s",
      "--kubeward.node-health.scan-interval=1s",
      "--kubeward.node-health.heartbeat-stale-after=" + STALE_AFTER.toSeconds() + "s",
      "--kubeward.controllers.lease-duration=4s",
      "--kubeward.controllers.renew-deadline=3s",
      "--kubeward.controllers.retry-period=500ms",
      "--kubeward.maintenance.poll=300ms",
      "--kubeward.maintenance.drain-poll=500ms",
      "--kubeward.alerting.evaluation-interval=2s",
      "--kubeward.alerting.dispatch-interval=1s",
      "--kubeward.alerting.maintenance-refresh=1s",
      // attempts at 0, 1, 3, 7, 15, 25, 35, 45, 55, 65, 75 s: a receiver down for a minute is
      // reached
      "--kubeward.alerting.channels.initial-backoff=1s",
      "--kubeward.alerting.channels.max-backoff=10s",
      "--kubeward.alerting.channels.max-attempts=12"
    };
  }

  /**
   * Everything to {@link #HOOK} grouped by alert name and cluster, resolved notifications on; the
   * retry test's rule to {@link #FLAKY}; node-down alerts of the inhibition test inhibit pod alerts
   * on the same node; maintenance mutes.
   */
  static Map<String, Object> policy() {
    Map<String, Object> root =
        route(List.of(), List.of(HOOK), List.of("alertname", "cluster"), "1s");
    root.remove("continue");
    root.remove("matchers");
    root.put(
        "routes",
        List.of(
            route(
                List.of("alertname=~\"it-retry-.*\""),
                List.of(FLAKY),
                List.of("alertname", "cluster"),
                "0s")));
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("route", root);
    policy.put(
        "inhibitRules",
        List.of(
            Map.of(
                "sourceMatchers", List.of("alertname=~\"it-inh-node-.*\""),
                "targetMatchers", List.of("alertname=~\"it-inh-pod-.*\""),
                "equal", List.of("cluster", "node"))));
    policy.put("timeIntervals", List.of());
    policy.put("muteDuringMaintenance", true);
    return policy;
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (String rule : rules) {
      api.deleteClusterRule(rule);
    }
    for (AutoCloseable closeable : closeAfter.reversed()) {
      closeable.close();
    }
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.enableDefaultRules();
    }
    if (server != null) {
      server.close();
    }
    if (hook != null) {
      hook.close();
    }
    if (flaky != null) {
      flaky.close();
    }
  }

  static String unique(String prefix) {
    return prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
  }

  ScriptedNode node(String name) {
    ScriptedNode node = ScriptedNode.start(kube, name, Map.of());
    closeAfter.add(node);
    return node;
  }

  void rule(String name, Map<String, Object> spec) {
    rules.add(name);
    api.clusterRule(name, spec);
    api.awaitAccepted(name);
  }

  // ------------------------------------------------------------------------------------------

  @Test
  void theDefaultRuleSetIsInstalledAndListedWithItsStatus() {
    AlertingApi.Reply list = api.send("GET", "/api/v1/clusters/" + CLUSTER + "/alert-rules", null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    for (String name : AlertingApi.DEFAULT_RULES) {
      assertThat(list.body()).contains("\"" + name + "\"");
    }
    assertThat(list.body()).contains("Accepted");
  }

  @Test
  void aNodeThatStopsHeartbeatingFiresWithinForPlusAFewSecondsAndResolvesWhenItRecovers() {
    String name = unique("it-hb");
    String rule = "it-node-" + name;
    ScriptedNode node = node(name);
    rule(rule, spec("critical", "5s", nodeHealth(name)));
    assertThat(api.alerts(rule, "FIRING")).isEmpty();

    Instant stopped = Instant.now();
    node.stopHeartbeats();

    Request fired = hook.awaitRequest(firing(rule), Duration.ofSeconds(90));
    Duration took = Duration.between(stopped, fired.receivedAt());
    assertThat(took)
        .as("heartbeat stale after %s + for 5s + a few seconds", STALE_AFTER)
        .isLessThanOrEqualTo(STALE_AFTER.plusSeconds(5).plus(FEW_SECONDS));
    WebhookMessage message = WebhookMessage.of(fired);
    assertThat(message.status()).isEqualTo("firing");
    assertThat(message.test()).isFalse();
    JsonNode alert = message.alerts("firing").getFirst();
    assertThat(alert.path("labels").path("alertname").asString()).isEqualTo(rule);
    assertThat(alert.path("labels").path("cluster").asString()).isEqualTo(CLUSTER);
    assertThat(alert.path("labels").path("node").asString()).isEqualTo(name);
    assertThat(alert.path("labels").path("severity").asString()).isEqualTo("critical");
    assertThat(alert.path("labels").path("team").asString()).isEqualTo("it");
    assertThat(alert.path("annotations").path("summary").asString()).contains(name);
    assertThat(api.alerts(rule, "FIRING")).hasSize(1);

    Instant recovered = node.recover();
    Request resolvedAt = hook.awaitRequest(resolved(rule), Duration.ofSeconds(60));
    assertThat(Duration.between(recovered, resolvedAt.receivedAt())).isLessThan(FEW_SECONDS);
    assertThat(WebhookMessage.of(resolvedAt).status()).isEqualTo("resolved");
    hook.assertAtMost(firing(rule), 1, Duration.ofSeconds(3));
    assertThat(api.alerts(rule, "FIRING")).isEmpty();

    String fingerprint = alert.path("fingerprint").asString();
    List<String> kinds =
        api.history("fingerprint=" + fingerprint).stream()
            .map(e -> e.path("kind").asString().toUpperCase(java.util.Locale.ROOT))
            .toList();
    assertThat(kinds).contains("FIRING", "RESOLVED");
    List<JsonNode> deliveries = api.history("channel=" + HOOK + "&kind=NOTIFICATION");
    assertThat(deliveries).isNotEmpty();
    assertThat(deliveries.toString()).contains("payloadHash");
  }

  @Test
  void aSilenceHoldsBackTheNotificationUntilItIsExpired() {
    String name = unique("it-si");
    String rule = "it-silenced-" + name;
    ScriptedNode node = node(name);
    String silence =
        api.silence(
            List.of("cluster=\"" + CLUSTER + "\"", "alertname=\"" + rule + "\""),
            Duration.ofHours(1),
            "alerting IT: planned work on " + name);
    rule(rule, spec("warning", "0s", nodeHealth(name)));

    node.reportNotReady("ContainerRuntimeDown", "container runtime is down");
    await("the silenced alert fires")
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.alerts(rule, "FIRING").size() == 1);
    hook.assertNoRequest(mentions(rule), QUIET);
    assertThat(api.history("rule=" + rule + "&kind=SILENCED")).isNotEmpty();

    api.expireSilence(silence);
    hook.awaitRequest(firing(rule), Duration.ofSeconds(30));
  }

  @Test
  void fiveCrashLoopingPodsAreOneMessage(TestNamespace ns) {
    String rule = unique("it-group");
    List<String> pods = CrashLoops.create(kube, ns.name(), "crasher", 5, Map.of(), Map.of());
    CrashLoops.awaitCrashLooping(kube, ns.name(), pods, Duration.ofSeconds(90));
    rule(rule, spec("warning", "0s", crashLoops(ns.name())));

    Request first = hook.awaitRequest(firing(rule), Duration.ofSeconds(60));
    WebhookMessage message = WebhookMessage.of(first);
    assertThat(message.alerts("firing"))
        .extracting(a -> a.path("labels").path("pod").asString())
        .containsExactlyInAnyOrderElementsOf(pods);
    hook.assertAtMost(mentions(rule), 1, QUIET);

    CrashLoops.delete(kube, ns.name(), pods);
    await("five resolutions")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                hook.requests(resolved(rule)).stream()
                        .mapToInt(r -> WebhookMessage.of(r).alerts("resolved").size())
                        .sum()
                    == 5);
  }

  @Test
  void aDownNodeInhibitsThePodAlertsOnIt(TestNamespace ns) {
    String name = unique("it-in");
    String nodeRule = "it-inh-node-" + name;
    String podRule = "it-inh-pod-" + name;
    ScriptedNode node = node(name);
    rule(nodeRule, spec("critical", "0s", nodeHealth(name)));
    rule(podRule, spec("warning", "0s", crashLoops(ns.name())));

    node.reportNotReady("KubeletNotReady", "PLEG is not healthy");
    hook.awaitRequest(firing(nodeRule), Duration.ofSeconds(60));
    node.crashLoopingPod(ns.name(), "under-down-0", Map.of("app", "under-down"), 3);
    node.crashLoopingPod(ns.name(), "under-down-1", Map.of("app", "under-down"), 3);

    await("the pod alerts fire (and are held back)")
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.alerts(podRule, "FIRING").size() == 2);
    for (JsonNode alert : api.alerts(podRule, "FIRING")) {
      assertThat(alert.path("labels").path("node").asString()).isEqualTo(name);
    }
    hook.assertNoRequest(mentions(podRule), QUIET);
    assertThat(api.history("rule=" + podRule + "&kind=INHIBITED")).isNotEmpty();
  }

  @Test
  void aMaintenanceMutesItsNode() {
    String name = unique("it-mn");
    String rule = "it-mnt-" + name;
    ScriptedNode node = node(name);
    AlertingApi.Reply created =
        api.send(
            "POST",
            "/api/v1/clusters/" + CLUSTER + "/maintenances",
            Map.of(
                "name",
                name,
                "nodes",
                List.of(name),
                "action",
                Map.of("type", "WaitForAnnotation", "annotation", "test.kubeward.io/never")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    closeAfter.add(
        () ->
            api.send(
                "POST", "/api/v1/clusters/" + CLUSTER + "/maintenances/" + name + "/cancel", null));
    await("the maintenance reaches its action on " + name)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .until(() -> maintenanceStep(name, name).equals("Action"));
    rule(rule, spec("critical", "0s", nodeHealth(name)));
    // NodeMaintenances are read again every maintenance-refresh: the policy tester shows when the
    // node counts as under maintenance
    await("the policy tester shows " + name + " under maintenance")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              AlertingApi.Reply match =
                  api.send(
                      "POST",
                      "/api/v1/alerting/policy/match",
                      Map.of(
                          "labels", Map.of("alertname", rule, "cluster", CLUSTER, "node", name)));
              return match.status() == 200 && match.json().path("maintenance").asBoolean();
            });

    node.reportNotReady("KubeletNotReady", "rebooting for maintenance");
    await("the alert fires (and is muted)")
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.alerts(rule, "FIRING").size() == 1);
    hook.assertNoRequest(mentions(rule), QUIET);
    assertThat(api.history("rule=" + rule + "&kind=MUTED")).isNotEmpty();
  }

  static String maintenanceStep(String maintenance, String node) {
    AlertingApi.Reply r =
        api.send("GET", "/api/v1/clusters/" + CLUSTER + "/maintenances/" + maintenance, null);
    if (r.status() != 200) {
      return "";
    }
    for (JsonNode n : r.json().path("nodes")) {
      if (n.path("name").asString().equals(node)) {
        return n.path("step").asString();
      }
    }
    return "";
  }

  @Test
  void aReceiverDownForAMinuteGetsTheNotificationAfterRetriesAllInTheHistory() {
    String name = unique("it-rt");
    String rule = "it-retry-" + name;
    ScriptedNode node = node(name);
    rule(rule, spec("critical", "0s", nodeHealth(name)));

    Duration down = Duration.ofSeconds(60);
    Instant downUntil = Instant.now().plus(down);
    flaky.down(down);
    node.reportNotReady("KubeletNotReady", "network unreachable");
    await("the alert fires while the receiver is down")
        .atMost(Duration.ofSeconds(30))
        .until(() -> api.alerts(rule, "FIRING").size() == 1);

    Request delivered = flaky.awaitRequest(firing(rule), down.plus(Duration.ofMinutes(2)));
    assertThat(delivered.receivedAt()).isAfterOrEqualTo(downUntil.minusSeconds(1));
    flaky.assertAtMost(firing(rule), 1, Duration.ofSeconds(3));

    await("the attempts in the channel's history")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<JsonNode> attempts = api.history("channel=" + FLAKY + "&kind=NOTIFICATION");
              assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
              assertThat(attempts)
                  .as("failed attempts with their error")
                  .anyMatch(
                      e -> !e.path("error").isNull() && !e.path("error").asString().isEmpty());
              assertThat(attempts)
                  .as("the final delivery")
                  .anyMatch(e -> e.path("error").isNull() || e.path("error").asString().isEmpty());
            });
  }
}
