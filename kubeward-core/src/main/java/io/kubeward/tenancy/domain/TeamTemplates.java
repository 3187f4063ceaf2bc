package io.kubeward.tenancy.domain;

import java.util.List;
import java.util.Map;

/**
 * The built-in templates. {@code standard} (the default) enforces the {@code restricted} Pod
 * Security Standard: a new team space holds new workloads, so they can be written to the strictest
 * level from the start (ADR 0045); {@code baseline} is for teams moving existing workloads that
 * still need e.g. a root user.
 */
public final class TeamTemplates {

  public static final String DEFAULT = "standard";

  private TeamTemplates() {}

  public static List<TeamTemplate> builtIn() {
    LimitRangeSpec limits =
        new LimitRangeSpec(
            Map.of("cpu", "500m", "memory", "512Mi"),
            Map.of("cpu", "100m", "memory", "128Mi"),
            Map.of("cpu", "10m", "memory", "16Mi"),
            Map.of("cpu", "4", "memory", "8Gi"),
            Map.of());
    Map<String, String> quota =
        Map.of(
            "requests.cpu", "8",
            "requests.memory", "16Gi",
            "limits.cpu", "16",
            "limits.memory", "32Gi",
            "pods", "100",
            "services", "20",
            "persistentvolumeclaims", "20");
    return List.of(
        new TeamTemplate(
            DEFAULT,
            "Quota, limits, default-deny network, restricted pod security, team edits",
            quota,
            limits,
            true,
            PsaLevel.RESTRICTED,
            "latest",
            "edit"),
        new TeamTemplate(
            "baseline",
            "As standard, with the baseline pod security level",
            quota,
            limits,
            true,
            PsaLevel.BASELINE,
            "latest",
            "edit"));
  }
}
