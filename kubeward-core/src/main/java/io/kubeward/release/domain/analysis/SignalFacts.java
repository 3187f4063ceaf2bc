package io.kubeward.release.domain.analysis;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the shared cache, the events cache and the diagnostics engine tell about the new version's
 * pods at one moment: the pods, the Warning events involving them and the active findings on them
 * ({@code findingsEvaluated}: whether the diagnostics engine has judged the cluster once).
 */
public record SignalFacts(
    List<Pod> pods,
    List<WarningEvent> warnings,
    List<PodFinding> findings,
    boolean findingsEvaluated) {

  public SignalFacts {
    pods = List.copyOf(pods);
    warnings = List.copyOf(warnings);
    findings = List.copyOf(findings);
  }

  /** A pod: its name, creation, whether all its containers are ready, its container restarts. */
  public record Pod(String name, @Nullable Instant createdAt, boolean ready, int restarts) {}

  /** A Warning event about a pod: its reason, last seen and how often it was seen. */
  public record WarningEvent(String pod, String reason, @Nullable Instant lastSeen, int count) {}

  /** An active finding on a pod: its rule and severity (upper case). */
  public record PodFinding(String pod, String rule, String severity) {}
}
