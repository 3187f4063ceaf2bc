package io.kubeward.posture.domain;

import io.kubeward.rbac.domain.RiskyBinding;
import io.kubeward.rbac.domain.RuleRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The checks on Services, namespaces, RBAC bindings and certificates (ADR 0050). Pure. */
public final class ClusterChecks {

  /** The label that makes Pod Security Admission enforce a level in a namespace. */
  public static final String PSA_ENFORCE = "pod-security.kubernetes.io/enforce";

  private ClusterChecks() {}

  /** A Service of type NodePort or LoadBalancer is reachable from outside the cluster. */
  public static Result service(Inventory.ServiceInfo service) {
    Subject s = new Subject("Service", service.namespace(), service.name());
    String type = service.type();
    return "NodePort".equals(type) || "LoadBalancer".equals(type)
        ? Result.fail(Check.EXPOSED_SERVICE, s, "type " + type)
        : Result.pass(Check.EXPOSED_SERVICE, s);
  }

  /** The namespace checks: a NetworkPolicy exists, Pod Security Admission enforces a level. */
  public static List<Result> namespace(
      String name, Map<String, String> labels, boolean hasNetworkPolicy) {
    Subject s = Subject.namespace(name);
    String enforce = labels == null ? null : labels.get(PSA_ENFORCE);
    return List.of(
        Result.of(Check.NETWORK_POLICY, s, hasNetworkPolicy ? null : "no NetworkPolicy"),
        Result.of(
            Check.PSA_ENFORCE,
            s,
            enforce == null || enforce.isBlank() || enforce.equals("privileged")
                ? "no " + PSA_ENFORCE + " label (or privileged)"
                : null));
  }

  /** One failed result per risky binding (Kubernetes' own {@code system:} ones left out). */
  public static List<Result> rbac(List<RiskyBinding> risky) {
    List<Result> results = new ArrayList<>();
    for (RiskyBinding b : risky) {
      Subject s = new Subject(b.binding().kind(), b.binding().namespace(), b.binding().name());
      String risks =
          b.risks().stream()
              .map(RuleRisk::risk)
              .distinct()
              .map(r -> r.wireName())
              .collect(Collectors.joining(", "));
      String subjects =
          b.binding().subjects().stream()
              .map(x -> x.kind().kubeName() + " " + x.name())
              .collect(Collectors.joining(", "));
      results.add(
          Result.fail(
              Check.RBAC_RISK,
              s,
              "role " + b.binding().roleRef().name() + " grants " + risks + " to " + subjects));
    }
    return results;
  }

  /** A certificate passes while it is valid for longer than {@code warnBefore}. */
  public static Result certificate(
      Check check, Subject subject, Instant notAfter, Instant now, Duration warnBefore) {
    if (notAfter.isBefore(now)) {
      return Result.fail(check, subject, "expired at " + notAfter);
    }
    if (notAfter.isBefore(now.plus(warnBefore))) {
      long days = Duration.between(now, notAfter).toDays();
      return Result.fail(check, subject, "expires at " + notAfter + " (in " + days + " days)");
    }
    return Result.pass(check, subject);
  }
}
