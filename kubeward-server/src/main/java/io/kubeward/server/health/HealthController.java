package io.kubeward.server.health;

import io.kubeward.cluster.app.ClusterStatus;
import io.kubeward.cluster.app.ListClusters;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public health endpoints (ADR 0017), without error texts (they may name internal hosts; the
 * authenticated {@code /api/v1/clusters} has them).
 *
 * <ul>
 *   <li>{@code GET /healthz}, readiness: {@code UP} (200) while Kubeward can serve requests, {@code
 *       DOWN} (503) while its database does not answer. Each cluster's reachability is listed in
 *       its own section and never makes Kubeward {@code DOWN}: an unreachable cluster is a state
 *       Kubeward shows, not a reason to stop sending it traffic or to restart it.
 *   <li>{@code GET /livez}, liveness: {@code UP} whenever the process answers at all; it asks
 *       nothing, so a database or cluster outage never gets Kubeward restarted.
 * </ul>
 */
@RestController
class HealthController {

  private final ListClusters clusters;
  private final DatabaseHealth database;

  HealthController(ListClusters clusters, DatabaseHealth database) {
    this.clusters = clusters;
    this.database = database;
  }

  record Health(String status, DatabaseSection database, List<ClusterHealth> clusters) {}

  /** {@code reason}: {@code timeout} or {@code unavailable} while DOWN, never a message. */
  record DatabaseSection(String status, String reason) {}

  record ClusterHealth(String name, boolean reachable, String state, Instant since) {}

  record Liveness(String status) {}

  @GetMapping("/healthz")
  ResponseEntity<Health> health() {
    DatabaseHealth.Status db = database.check();
    Health health =
        new Health(
            db.up() ? "UP" : "DOWN",
            new DatabaseSection(db.up() ? "UP" : "DOWN", db.reason()),
            clusters.list().stream()
                .map(
                    (ClusterStatus c) ->
                        new ClusterHealth(c.name(), c.reachable(), c.state().name(), c.since()))
                .toList());
    return ResponseEntity.status(db.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(health);
  }

  @GetMapping("/livez")
  Liveness live() {
    return new Liveness("UP");
  }
}
