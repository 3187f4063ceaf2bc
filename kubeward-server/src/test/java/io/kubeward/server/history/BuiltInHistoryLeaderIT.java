package io.kubeward.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of Kubeward on one cluster (each with a database of its own, so that each one's
 * status shows what it sampled itself): only the one leading the cluster's controllers (ADR 0014)
 * samples; when it goes away the other takes over.
 */
@LocalControlPlane(metrics = true)
class BuiltInHistoryLeaderIT {

  static RunningServer replica(ControlPlane controlPlane) {
    return RunningServer.start(
        "--kubeconfig",
        controlPlane.kubewardKubeconfig().toString(),
        "--kubeward.cluster-name=local",
        "--kubeward.probe.interval=1s",
        "--kubeward.history.sample-interval=10s");
  }

  /** How many raw rows the replica's own database holds for the cluster. */
  static long rawRows(RunningServer server) {
    for (JsonNode c : server.admin().get("/api/v1/history/status").json().path("clusters")) {
      if (c.path("cluster").asString().equals("local")) {
        return c.path("tiers").get(0).path("rows").asLong();
      }
    }
    return 0;
  }

  @Test
  void onlyTheLeaderSamplesAndTheOtherTakesOver(ControlPlane controlPlane) {
    RunningServer a = replica(controlPlane);
    RunningServer b = replica(controlPlane);
    java.util.Set<RunningServer> closed = new java.util.HashSet<>();
    try {
      await("one replica samples")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> rawRows(a) + rawRows(b) > 0);
      RunningServer leader = rawRows(a) > 0 ? a : b;
      RunningServer other = leader == a ? b : a;
      long first = rawRows(leader);
      await("the leader samples again")
          .atMost(Duration.ofSeconds(60))
          .until(() -> rawRows(leader) >= 3 * first);
      assertThat(rawRows(other)).as("the replica that does not lead samples nothing").isZero();

      leader.close();
      closed.add(leader);
      await("the other replica leads and samples")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> rawRows(other) > 0);
    } finally {
      for (RunningServer s : java.util.List.of(a, b)) {
        if (!closed.contains(s)) {
          s.close();
        }
      }
    }
  }
}
