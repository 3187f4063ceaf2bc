package io.kubeward.server.alert;

import static io.kubeward.server.alert.AlertingApi.route;
import static io.kubeward.server.alert.AlertingApi.spec;
import static io.kubeward.server.alert.WebhookMessage.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.ServerJvm;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.postgres.LocalPostgres;
import io.kubeward.testkit.receiver.RecordingReceiver;
import io.kubeward.testkit.scenario.ScriptedNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Failover: two Kubeward server processes (separate JVMs, {@code java -jar}) on one cluster and one
 * PostgreSQL ({@link LocalPostgres}); the replica leading the cluster is killed with {@code
 * SIGKILL} while an alert fires. Whatever happened before, during and after the takeover, the
 * receiver gets exactly one notification per transition: the firing alert is not notified again by
 * the new leader, a node that went down while nobody led is notified once, and both resolutions
 * arrive once.
 */
@LocalControlPlane
class AlertFailoverIT {

  static final String CLUSTER = "local";
  static final Duration START = Duration.ofMinutes(3);
  static final Duration QUIET = Duration.ofSeconds(10);

  @Test
  void theLeaderKilledWhileAnAlertFiresGivesExactlyOneNotificationPerTransition(
      ControlPlane controlPlane, KubernetesClient kube, @TempDir Path work) throws Exception {
    String id = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
    String rule = "it-failover-" + id;
    List<AutoCloseable> resources = new ArrayList<>();
    try (LocalPostgres postgres = LocalPostgres.start();
        RecordingReceiver hook = RecordingReceiver.start()) {
      String database = postgres.createDatabase("alert_failover_" + id.replace('-', '_'));
      List<String> args =
          List.of(
              "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
              "--kubeward.cluster-name=" + CLUSTER,
              "--spring.datasource.url=" + postgres.jdbcUrl(database),
              "--spring.datasource.username=" + postgres.user(),
              "--kubeward.probe.interval=1s",
              "--kubeward.node-health.scan-interval=1s",
              "--kubeward.controllers.lease-duration=4s",
              "--kubeward.controllers.renew-deadline=3s",
              "--kubeward.controllers.retry-period=500ms",
              "--kubeward.alerting.evaluation-interval=2s",
              "--kubeward.alerting.dispatch-interval=1s");
      ServerJvm a = replica("replica-a", work, args);
      resources.add(a);
      a.awaitReady(START);
      ServerJvm b = replica("replica-b", work, args);
      resources.add(b);
      b.awaitReady(START);

      AlertingApi api = api(a, kube);
      api.awaitRuleCrds();
      api.disableDefaultRules();
      resources.add(api::enableDefaultRules);
      api.webhookChannel("failover-hook", hook.url("/hook"));
      Map<String, Object> root =
          route(List.of(), List.of("failover-hook"), List.of("alertname", "cluster", "node"), "0s");
      root.remove("continue");
      root.remove("matchers");
      Map<String, Object> policy = new LinkedHashMap<>();
      policy.put("route", root);
      policy.put("inhibitRules", List.of());
      policy.put("timeIntervals", List.of());
      policy.put("muteDuringMaintenance", true);
      api.policy(policy);

      ScriptedNode first = ScriptedNode.start(kube, "fo-1-" + id, Map.of("it-failover", id));
      resources.add(first);
      ScriptedNode second = ScriptedNode.start(kube, "fo-2-" + id, Map.of("it-failover", id));
      resources.add(second);
      api.clusterRule(
          rule,
          spec(
              "critical",
              "0s",
              Map.of(
                  "nodeHealth",
                  Map.of(
                      "types",
                      List.of("NotReady", "Unknown", "HeartbeatStale"),
                      "selector",
                      Map.of("matchLabels", Map.of("it-failover", id))))));
      resources.add(() -> api.deleteClusterRule(rule));
      api.awaitAccepted(rule);

      ServerJvm leader = awaitLeader(a, b);
      ServerJvm survivor = leader == a ? b : a;

      // 1. an alert fires and is notified by the leader, and it is firing in a steady state: the
      //    delivery is in the history, seconds ago. (A
      //    kill in the milliseconds between the receiver's answer and the leader's notification
      //    log write repeats the message: delivery is at least once, as Alertmanager's; ADR 0034.)
      first.reportNotReady("KubeletNotReady", "container runtime is down");
      hook.awaitRequest(with("firing", rule, "node", first.name()), Duration.ofSeconds(60));
      awaitSteadyFiring(api(survivor, kube), "failover-hook");

      // 2. the leader dies; a second node goes down before anyone leads again
      leader.kill();
      second.reportNotReady("KubeletNotReady", "container runtime is down");
      await("the surviving replica leads")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> leading(survivor));
      hook.awaitRequest(with("firing", rule, "node", second.name()), Duration.ofSeconds(60));

      // 3. both recover under the new leader
      first.recover();
      second.recover();
      hook.awaitRequest(with("resolved", rule, "node", first.name()), Duration.ofSeconds(60));
      hook.awaitRequest(with("resolved", rule, "node", second.name()), Duration.ofSeconds(60));

      // exactly one notification per transition, also after a quiet while
      for (ScriptedNode node : List.of(first, second)) {
        for (String status : List.of("firing", "resolved")) {
          hook.assertAtMost(with(status, rule, "node", node.name()), 1, QUIET.dividedBy(4));
        }
      }
      hook.assertAtMost(r -> true, 4, QUIET);
      assertThat(hook.requests()).hasSize(4);

      // the history, read from the survivor, says the same
      AlertingApi survivorApi = api(survivor, kube);
      for (JsonNode alert : survivorApi.alerts(rule)) {
        String fingerprint = alert.path("fingerprint").asString();
        List<String> kinds =
            survivorApi.history("fingerprint=" + fingerprint).stream()
                .map(e -> e.path("kind").asString().toUpperCase(java.util.Locale.ROOT))
                .toList();
        assertThat(kinds.stream().filter("FIRING"::equals).count())
            .as("FIRING entries of %s: %s", fingerprint, kinds)
            .isEqualTo(1);
        assertThat(kinds.stream().filter("RESOLVED"::equals).count())
            .as("RESOLVED entries of %s: %s", fingerprint, kinds)
            .isEqualTo(1);
      }
    } finally {
      keepLogs(work);
      for (AutoCloseable resource : resources.reversed()) {
        try {
          resource.close();
        } catch (Exception e) {
          // best effort: the next one still gets closed
        }
      }
    }
  }

  /**
   * Waits until the channel's delivery is in the history and two seconds old (the notification log
   * is written right after the delivery; the store keeps an unchanged alert's row as it is, so
   * there is no later evaluation to observe).
   */
  static void awaitSteadyFiring(AlertingApi api, String channel) {
    await("the firing alert's delivery in the history, two seconds ago")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                api.history("channel=" + channel + "&kind=notification").stream()
                    .filter(e -> "delivered".equals(e.path("result").asString()))
                    .map(e -> Instant.parse(e.path("at").asString()))
                    .anyMatch(at -> at.plusSeconds(2).isBefore(Instant.now())));
  }

  /** Keeps the replicas' logs next to the test reports. */
  static void keepLogs(Path work) {
    try (var logs = java.nio.file.Files.list(work)) {
      Path target = Path.of("target", "alert-failover-logs");
      java.nio.file.Files.createDirectories(target);
      for (Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
        java.nio.file.Files.copy(
            log,
            target.resolve(log.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (java.io.IOException e) {
      // best effort
    }
  }

  static ServerJvm replica(String name, Path work, List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("--kubeward.data-dir=" + work.resolve(name));
    return ServerJvm.start(name, work, "failover-admin-pw-1", "512m", all);
  }

  static AlertingApi api(ServerJvm server, KubernetesClient kube) {
    return new AlertingApi(
        (method, path, body) -> {
          ServerJvm.Reply r = server.send(method, path, body);
          return new AlertingApi.Reply(r.status(), r.body());
        },
        kube,
        CLUSTER);
  }

  static boolean leading(ServerJvm server) {
    return server.leads(CLUSTER);
  }

  static ServerJvm awaitLeader(ServerJvm a, ServerJvm b) {
    await("one replica leads the cluster")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> leading(a) ^ leading(b));
    return leading(a) ? a : b;
  }
}
