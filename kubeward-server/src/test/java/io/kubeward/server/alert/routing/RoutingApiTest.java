package io.kubeward.server.alert.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.app.routing.NotificationLog;
import io.kubeward.alert.app.routing.SuppressionLog;
import io.kubeward.alert.domain.routing.NotificationLogEntry;
import io.kubeward.server.OfflineCluster;
import io.kubeward.server.RunningServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The policy and silence endpoints end to end on the server's H2 database: defaults, validation
 * with every problem, versions and conflicts, match, silences and their permissions, audit; the
 * notification log and hold stores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingApiTest {

  RunningServer server;

  @BeforeAll
  void start() {
    server = RunningServer.start("--kubeconfig", OfflineCluster.kubeconfig("offline").toString());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Map<String, Object> policy(String channel, Long version) {
    Map<String, Object> route =
        Map.of(
            "channels",
            List.of(channel),
            "groupBy",
            List.of("alertname", "cluster"),
            "groupWait",
            "10s",
            "groupInterval",
            "1m",
            "repeatInterval",
            "4h",
            "sendResolved",
            true,
            "routes",
            List.of(
                Map.of(
                    "matchers", List.of("severity=\"critical\"", "namespace=~\"prod-.*\""),
                    "channels", List.of("oncall-dingtalk"),
                    "continue", false,
                    "muteTimeIntervals", List.of("nights"),
                    "routes", List.of())));
    var doc =
        new java.util.HashMap<String, Object>(
            Map.of(
                "route",
                route,
                "inhibitRules",
                List.of(
                    Map.of(
                        "sourceMatchers", List.of("alertname=\"node-not-ready\""),
                        "targetMatchers", List.of("node=~\".+\""),
                        "equal", List.of("cluster", "node"))),
                "timeIntervals",
                List.of(
                    Map.of(
                        "name",
                        "nights",
                        "intervals",
                        List.of(
                            Map.of(
                                "times", List.of(Map.of("start", "22:00", "end", "06:00")),
                                "weekdays", List.of("monday:friday"),
                                "location", "Asia/Shanghai")))),
                "muteDuringMaintenance",
                true));
    if (version != null) {
      doc.put("version", version);
    }
    return doc;
  }

  @Test
  void thePolicyDocumentIsVersionedValidatedAndAudited() {
    var admin = server.admin();
    JsonNode initial = admin.get("/api/v1/alerting/policy").json();
    assertThat(initial.get("version").asLong()).isZero();
    assertThat(initial.get("inhibitRules").size()).isEqualTo(1);

    var saved = admin.put("/api/v1/alerting/policy", policy("ops-webhook", 0L));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().get("version").asLong()).isEqualTo(1);
    assertThat(saved.json().get("route").get("routes").get(0).get("continue").asBoolean())
        .isFalse();
    JsonNode read = admin.get("/api/v1/alerting/policy").json();
    assertThat(read.get("route").get("channels").get(0).asString()).isEqualTo("ops-webhook");
    assertThat(read.get("updatedBy").asString()).isEqualTo("admin");

    var stale = admin.put("/api/v1/alerting/policy", policy("other", 0L));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.problemCode()).isEqualTo("alerting.policy-conflict");

    var bad =
        admin.put(
            "/api/v1/alerting/policy",
            Map.of("route", Map.of("channels", List.of("Bad Name"), "groupWait", "2h")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.problemCode()).isEqualTo("alerting.invalid-policy");
    assertThat(bad.body()).contains("Bad Name").contains("groupWait");

    JsonNode audit = admin.get("/api/v1/audit?verb=alerting.policy.update").json();
    assertThat(audit.toString()).contains("ops-webhook").contains("\"failure\"");

    var match =
        admin.post(
            "/api/v1/alerting/policy/match",
            Map.of(
                "labels",
                Map.of(
                    "alertname",
                    "x",
                    "cluster",
                    "offline",
                    "severity",
                    "critical",
                    "namespace",
                    "prod-a")));
    assertThat(match.status()).isEqualTo(200);
    assertThat(match.json().get("routes").get(0).get("path").asString()).isEqualTo("0.0");
    assertThat(match.json().get("routes").get(0).get("groupKey").asString())
        .isEqualTo("0.0:{alertname=\"x\",cluster=\"offline\"}");

    var viewer =
        server.newUser(
            "policy-viewer",
            List.of(Map.of("role", "viewer", "cluster", "offline", "namespace", "*")));
    assertThat(viewer.get("/api/v1/alerting/policy").status()).isEqualTo(403);
    assertThat(viewer.put("/api/v1/alerting/policy", policy("x", null)).status()).isEqualTo(403);
  }

  @Test
  void silencesAreCreatedChangedExpiredAndAuditedByThoseWhoMay() {
    var admin = server.admin();
    Instant end = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    var created =
        admin.post(
            "/api/v1/silences",
            Map.of(
                "matchers", List.of("cluster=\"offline\"", "alertname=\"pod-crash-looping\""),
                "endsAt", end.toString(),
                "comment", "rolling out"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asString();
    assertThat(created.json().get("state").asString()).isEqualTo("active");
    assertThat(created.json().get("createdBy").asString()).isEqualTo("admin");
    assertThat(created.json().get("cluster").asString()).isEqualTo("offline");

    var viewer =
        server.newUser(
            "silence-viewer",
            List.of(Map.of("role", "viewer", "cluster", "offline", "namespace", "*")));
    assertThat(viewer.get("/api/v1/silences").json().toString()).contains(id);
    var refused =
        viewer.post(
            "/api/v1/silences",
            Map.of(
                "matchers",
                List.of("cluster=\"offline\""),
                "endsAt",
                end.toString(),
                "comment",
                "no"));
    assertThat(refused.status()).isEqualTo(403);

    var changed =
        admin.put(
            "/api/v1/silences/" + id,
            Map.of(
                "matchers", List.of("cluster=\"offline\"", "alertname=\"pvc-pending\""),
                "endsAt", end.plusSeconds(60).toString(),
                "comment", "longer"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("updatedBy").asString()).isEqualTo("admin");

    var expired = admin.delete("/api/v1/silences/" + id);
    assertThat(expired.status()).isEqualTo(200);
    assertThat(expired.json().get("state").asString()).isEqualTo("expired");
    assertThat(admin.get("/api/v1/silences?state=expired").json().toString()).contains(id);
    assertThat(admin.get("/api/v1/silences/nope").status()).isEqualTo(404);

    var invalid =
        admin.post(
            "/api/v1/silences",
            Map.of(
                "matchers", List.of("alertname=~\".*\""), "endsAt", end.toString(), "comment", ""));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.problemCode()).isEqualTo("alerting.invalid-silence");

    JsonNode audit = admin.get("/api/v1/audit?cluster=offline").json();
    assertThat(audit.toString())
        .contains("silence.create")
        .contains("silence.update")
        .contains("silence.expire");
  }

  @Test
  void theNotificationLogAndHoldsPersist() {
    NotificationLog log = server.context().getBean(NotificationLog.class);
    Instant t = Instant.parse("2026-12-03T10:00:00Z");
    String key = "0:{alertname=\"x\",cluster=\"offline\"}";
    log.put(new NotificationLogEntry("cluster/offline", key, "ops", Set.of("a", "b"), Set.of(), t));
    log.put(
        new NotificationLogEntry(
            "cluster/offline", key, "ops", Set.of("a"), Set.of("b"), t.plusSeconds(60)));
    assertThat(log.find("cluster/offline", key, "ops"))
        .hasValueSatisfying(
            e -> {
              assertThat(e.firing()).containsExactly("a");
              assertThat(e.resolved()).containsExactly("b");
              assertThat(e.sentAt()).isEqualTo(t.plusSeconds(60));
            });
    assertThat(log.oldestWithFiring("cluster/offline")).contains(t.plusSeconds(60));
    assertThat(log.find("cluster/offline", key, "other")).isEmpty();
    SuppressionLog holds = server.context().getBean(SuppressionLog.class);
    assertThat(holds.firstTime("cluster/offline", "abc", t, "inhibited")).isTrue();
    assertThat(holds.firstTime("cluster/offline", "abc", t, "inhibited")).isFalse();
    assertThat(holds.firstTime("cluster/offline", "abc", t, "silence:1")).isTrue();
  }
}
