package io.kubeward.maintenance.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A maintenance as the API shows it. */
public record MaintenanceView(
    String name,
    @Nullable String createdBy,
    @Nullable Instant createdAt,
    MaintenanceSpec spec,
    MaintenancePhase phase,
    @Nullable String message,
    List<io.kubeward.runtime.domain.Condition> conditions,
    List<NodeStatus> nodes) {

  public static MaintenanceView of(Maintenance m) {
    MaintenanceStatus s = m.status();
    return new MaintenanceView(
        m.name(),
        m.createdBy(),
        m.createdAt(),
        m.spec(),
        m.phase(),
        s == null ? null : s.message(),
        s == null ? List.of() : s.conditions(),
        s == null ? List.of() : s.nodes());
  }

  public boolean finished() {
    return phase != null && phase.finished();
  }
}
