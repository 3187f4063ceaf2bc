package io.kubeward.posture.domain;

import java.util.List;
import java.util.Locale;

/**
 * The built-in checks (ADR 0050). The wire name ({@code privileged}) is stable: exceptions, CLI
 * filters and the bilingual explanation and fix ({@code posture.check.<wire>.explain} / {@code
 * .fix}) use it. Citations name the Kubernetes Pod Security Standards control and level, and the
 * CIS Kubernetes Benchmark (v1.8) recommendation where one applies; checks without a published
 * control say so by citing none.
 */
public enum Check {
  PRIVILEGED(
      Severity.CRITICAL, Target.WORKLOAD, "PSS baseline: Privileged Containers", "CIS 5.2.2"),
  HOST_PATH(Severity.HIGH, Target.WORKLOAD, "PSS baseline: HostPath Volumes", "CIS 5.2.12"),
  HOST_NAMESPACES(
      Severity.HIGH,
      Target.WORKLOAD,
      "PSS baseline: Host Namespaces",
      "CIS 5.2.3",
      "CIS 5.2.4",
      "CIS 5.2.5"),
  CAPABILITIES_ADDED(Severity.HIGH, Target.WORKLOAD, "PSS baseline: Capabilities", "CIS 5.2.9"),
  CAPABILITIES_NOT_DROPPED(Severity.MEDIUM, Target.WORKLOAD, "PSS restricted: Capabilities"),
  RUN_AS_NON_ROOT(
      Severity.MEDIUM, Target.WORKLOAD, "PSS restricted: Running as Non-root", "CIS 5.2.7"),
  READ_ONLY_ROOT_FILESYSTEM(Severity.LOW, Target.WORKLOAD, "CIS 5.7.3"),
  SECCOMP(
      Severity.MEDIUM,
      Target.WORKLOAD,
      "PSS restricted: Seccomp (RuntimeDefault or Localhost)",
      "CIS 5.7.2"),
  PRIVILEGE_ESCALATION(
      Severity.MEDIUM, Target.WORKLOAD, "PSS restricted: Privilege Escalation", "CIS 5.2.6"),
  RESOURCES(Severity.LOW, Target.WORKLOAD),
  IMAGE_TAG(Severity.MEDIUM, Target.WORKLOAD),
  PROBES(Severity.LOW, Target.WORKLOAD),
  DEFAULT_SERVICE_ACCOUNT(Severity.MEDIUM, Target.WORKLOAD, "CIS 5.1.5", "CIS 5.1.6"),
  SECRETS_IN_ENV(Severity.MEDIUM, Target.WORKLOAD, "CIS 5.4.1"),
  EXPOSED_SERVICE(Severity.LOW, Target.SERVICE),
  NETWORK_POLICY(Severity.HIGH, Target.NAMESPACE, "CIS 5.3.2"),
  PSA_ENFORCE(Severity.MEDIUM, Target.NAMESPACE, "PSS: Pod Security Admission", "CIS 5.2.1"),
  RBAC_RISK(Severity.HIGH, Target.RBAC, "CIS 5.1.1", "CIS 5.1.2", "CIS 5.1.3", "CIS 5.1.8"),
  APISERVER_CERTIFICATE(Severity.HIGH, Target.CLUSTER),
  KUBEWARD_CERTIFICATE(Severity.HIGH, Target.CLUSTER);

  /** What a check judges. */
  public enum Target {
    WORKLOAD,
    SERVICE,
    NAMESPACE,
    RBAC,
    CLUSTER
  }

  private final Severity severity;
  private final Target target;
  private final List<String> citations;

  Check(Severity severity, Target target, String... citations) {
    this.severity = severity;
    this.target = target;
    this.citations = List.of(citations);
  }

  public Severity severity() {
    return severity;
  }

  public Target target() {
    return target;
  }

  public List<String> citations() {
    return citations;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The check with this wire name; {@code null} if there is none. */
  public static Check fromWire(String wire) {
    for (Check c : values()) {
      if (c.wireName().equals(wire)) {
        return c;
      }
    }
    return null;
  }
}
