package io.kubeward.server.alert.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.alert.app.engine.AlertEngine;
import io.kubeward.alert.app.engine.SiteLeader;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.runtime.kube.ControllerRuntime;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.postgres.LocalPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one cluster and one PostgreSQL: only the replica leading the cluster's
 * controllers evaluates its alerts, only one holds the site lease; when the leader stops, the other
 * takes both over, continues the firing alert from the database without firing it again, and
 * resolves it once.
 */
@LocalControlPlane
class AlertFailoverIT {

  private static final String CLUSTER = "local";
  private static final String PASSWORD = "an-alert-failover-password";
  private static final AlertScope LOCAL = AlertScope.ofCluster(CLUSTER);

  @Test
  void theOtherReplicaContinuesWithoutFiringAgain(
      ControlPlane controlPlane, KubernetesClient kube, TestNamespace ns, @TempDir Path dir) {
    try (LocalPostgres postgres = LocalPostgres.start()) {
      String database = postgres.createDatabase("failover");
      List<String> args =
          List.of(
              "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
              "--kubeward.cluster-name=" + CLUSTER,
              "--kubeward.data-dir=" + dir.resolve("data"),
              "--spring.datasource.url=" + postgres.jdbcUrl(database),
              "--spring.datasource.username=" + postgres.user(),
              "--kubeward.security.admin-password=" + PASSWORD,
              "--spring.main.sources=" + CrashLoopRulesForTests.class.getName(),
              "--kubeward.diagnostics.full-pass-interval=10s",
              "--kubeward.diagnostics.debounce=300ms",
              "--kubeward.alerting.evaluation-interval=1s",
              "--kubeward.alerting.site-lease-duration=3s",
              "--kubeward.alerting.site-lease-renew=1s");
      RunningServer a = RunningServer.start(args.toArray(String[]::new));
      RunningServer b = RunningServer.start(args.toArray(String[]::new));
      Set<RunningServer> closed = new HashSet<>();
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> leads(a) != leads(b) && siteLeader(a) != siteLeader(b));
        RunningServer leader = leads(a) ? a : b;
        RunningServer other = leader == a ? b : a;
        Session admin = other.login("admin", PASSWORD);

        kube.pods().inNamespace(ns.name()).resource(crashPod()).create();
        JsonNode alert =
            await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> firing(admin, ns.name()), x -> x != null);
        String fingerprint = alert.path("fingerprint").asString();
        String firingSince = alert.path("firingSince").asString();
        assertThat(engine(leader).holds(LOCAL)).isTrue();
        assertThat(engine(other).holds(LOCAL)).as("the replica that does not lead").isFalse();

        // the leader stops: the other replica leads, loads the alert and keeps it firing
        leader.close();
        closed.add(leader);
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> leads(other) && engine(other).holds(LOCAL) && siteLeader(other));
        JsonNode still = admin.get("/api/v1/alerts/" + fingerprint + "?cluster=" + CLUSTER).json();
        assertThat(still.path("alert").path("state").asString()).isEqualTo("firing");
        assertThat(still.path("alert").path("firingSince").asString()).isEqualTo(firingSince);
        assertThat(kinds(still.path("history"))).containsExactly("firing");

        // and resolves it once
        kube.pods().inNamespace(ns.name()).withName("crash").withGracePeriod(0).delete();
        await()
            .atMost(Duration.ofSeconds(90))
            .untilAsserted(
                () ->
                    assertThat(
                            kinds(
                                admin
                                    .get("/api/v1/alerts/" + fingerprint + "?cluster=" + CLUSTER)
                                    .json()
                                    .path("history")))
                        .containsExactly("resolved", "firing"));
      } finally {
        for (RunningServer s : List.of(a, b)) {
          if (!closed.contains(s)) {
            s.close();
          }
        }
      }
    }
  }

  private static boolean leads(RunningServer server) {
    return server.context().getBean(ControllerRuntime.class).leading(CLUSTER);
  }

  private static boolean siteLeader(RunningServer server) {
    return server.context().getBean(SiteLeader.class).leading();
  }

  private static AlertEngine engine(RunningServer server) {
    return server.context().getBean(AlertEngine.class);
  }

  private static JsonNode firing(Session admin, String namespace) {
    JsonNode items =
        admin
            .get(
                "/api/v1/alerts?state=firing&cluster="
                    + CLUSTER
                    + "&matcher="
                    + java.net.URLEncoder.encode(
                        "namespace=\"" + namespace + "\"", java.nio.charset.StandardCharsets.UTF_8))
            .json()
            .path("items");
    return items.isEmpty() ? null : items.get(0);
  }

  private static List<String> kinds(JsonNode entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.path("kind").asString()));
    return out;
  }

  private static io.fabric8.kubernetes.api.model.Pod crashPod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("crash")
        .addToLabels("sim.kubeward.io/state", "CrashLoopBackOff")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("shop/web:1")
        .endContainer()
        .endSpec()
        .build();
  }
}
