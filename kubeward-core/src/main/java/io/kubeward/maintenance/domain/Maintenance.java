package io.kubeward.maintenance.domain;

import java.time.Instant;

/**
 * A NodeMaintenance as Kubeward reads it.
 *
 * @param resourceVersion for optimistic concurrency of status writes
 * @param status {@code null} until the controller has seen it
 */
public record Maintenance(
    String name,
    String createdBy,
    Instant createdAt,
    String resourceVersion,
    Long generation,
    MaintenanceSpec spec,
    MaintenanceStatus status) {

  public MaintenancePhase phase() {
    return status == null || status.phase() == null ? MaintenancePhase.Pending : status.phase();
  }

  public Maintenance withStatus(MaintenanceStatus next, String newResourceVersion) {
    return new Maintenance(name, createdBy, createdAt, newResourceVersion, generation, spec, next);
  }
}
