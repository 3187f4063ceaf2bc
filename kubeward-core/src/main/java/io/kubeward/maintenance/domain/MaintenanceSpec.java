package io.kubeward.maintenance.domain;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The desired maintenance: which nodes ({@code nodes} or {@code nodeSelector}), how many at once,
 * when, what to do on each, and the pause/cancel switches. Unset fields take their defaults here,
 * so a spec read back from the cluster and one from a request behave alike.
 */
public record MaintenanceSpec(
    @Nullable List<String> nodes,
    @Nullable NodeSelector nodeSelector,
    @Nullable Integer concurrency,
    @Nullable MaintenanceAction action,
    @Nullable List<MaintenanceWindow> windows,
    @Nullable Blockers blockers,
    @Nullable DrainSettings drain,
    @Nullable String readyTimeout,
    @Nullable String actionTimeout,
    @Nullable Boolean uncordon,
    @Nullable Boolean paused,
    @Nullable Boolean cancelled) {

  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(10);
  public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofHours(1);

  public MaintenanceSpec {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    concurrency = concurrency == null ? 1 : concurrency;
    action = action == null ? MaintenanceAction.NONE : action;
    windows = windows == null ? List.of() : List.copyOf(windows);
    drain = drain == null ? new DrainSettings(null, null, null, null, null) : drain;
    uncordon = uncordon == null || uncordon;
    paused = paused != null && paused;
    cancelled = cancelled != null && cancelled;
  }

  public Duration readyTimeoutValue() {
    return GoDuration.parseOr(readyTimeout, DEFAULT_READY_TIMEOUT);
  }

  public Duration actionTimeoutValue() {
    return GoDuration.parseOr(actionTimeout, DEFAULT_ACTION_TIMEOUT);
  }

  /** Whether {@code now} is in a window (always, when no window is given). */
  public boolean inWindow(java.time.Instant now) {
    return windows.isEmpty() || windows.stream().anyMatch(w -> w.isOpen(now));
  }
}
