package io.kubeward.server.cluster;

import io.kubeward.cluster.app.ClusterStatus;
import io.kubeward.cluster.app.ListClusters;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /healthz}, public: whether this process is fine ({@code UP} while it can answer, also
 * when a cluster is unreachable: an unreachable cluster is not a reason to restart Kubeward) and
 * each cluster's reachability.
 */
@RestController
class HealthController {

  private final ListClusters clusters;

  HealthController(ListClusters clusters) {
    this.clusters = clusters;
  }

  record Health(String status, List<ClusterHealth> clusters) {}

  /** Public, so without error messages (they may name internal hosts): see /api/v1/clusters. */
  record ClusterHealth(String name, boolean reachable, String state, Instant since) {}

  @GetMapping("/healthz")
  Health health() {
    return new Health(
        "UP",
        clusters.list().stream()
            .map(
                (ClusterStatus c) ->
                    new ClusterHealth(c.name(), c.reachable(), c.state().name(), c.since()))
            .toList());
  }
}
