package io.kubeward.upgrade.domain;

import io.kubeward.upgrade.domain.UpgradeFacts.CertificateFacts;
import io.kubeward.upgrade.domain.UpgradeFacts.CrdDeprecation;
import io.kubeward.upgrade.domain.UpgradeFacts.NodeFacts;
import io.kubeward.upgrade.domain.UpgradeFacts.ObjectUse;
import io.kubeward.upgrade.domain.UpgradeFacts.PdbFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the readiness checklist from a cluster's facts, pure (ADR 0055): the control-plane path,
 * node version skew, deprecated and removed APIs, certificates, disruption budgets.
 */
public final class ReadinessChecklist {

  /** At most this many objects are named per deprecated API, and nodes per kubelet version. */
  public static final int MAX_NAMED = 20;

  private ReadinessChecklist() {}

  public static ReadinessReport build(
      UpgradeFacts facts, KubeMinor target, Instant now, Duration certificateWarning) {
    KubeMinor current = facts.controlPlane();
    List<Step> steps =
        List.of(
            controlPlane(current, target),
            nodeSkew(facts.nodes(), current, target),
            deprecatedApis(facts, target),
            certificates(facts.certificates(), now, certificateWarning),
            disruptionBudgets(facts.pdbs()));
    return new ReadinessReport(
        facts.cluster(),
        facts.controlPlaneVersion(),
        current,
        target,
        SkewPolicy.path(current, target),
        steps,
        now);
  }

  static Step controlPlane(KubeMinor current, KubeMinor target) {
    List<KubeMinor> path = SkewPolicy.path(current, target);
    String c = current.toString();
    if (path.isEmpty()) {
      return Step.of(
          StepId.CONTROL_PLANE_PATH, List.of(Finding.of(Status.PASS, "at-target", c, c)));
    }
    String steps = path.stream().map(KubeMinor::toString).collect(Collectors.joining(" → "));
    return Step.of(
        StepId.CONTROL_PLANE_PATH,
        List.of(
            path.size() == 1
                ? Finding.of(Status.PASS, "one-minor", c, c, target)
                : Finding.of(Status.WARN, "several-minors", c, c, target, steps)));
  }

  static Step nodeSkew(Observed<List<NodeFacts>> nodes, KubeMinor current, KubeMinor target) {
    if (!nodes.present()) {
      return Step.of(StepId.NODE_SKEW, List.of(unavailable("nodes", nodes.unavailable())));
    }
    List<Finding> findings = new ArrayList<>();
    findings.addAll(component("kubelet", nodes.value(), true, current, target));
    findings.addAll(component("kube-proxy", nodes.value(), false, current, target));
    if (nodes.value().isEmpty()) {
      findings.add(Finding.of(Status.PASS, "no-nodes", "nodes"));
    }
    return Step.of(StepId.NODE_SKEW, findings);
  }

  private static List<Finding> component(
      String what, List<NodeFacts> nodes, boolean kubelet, KubeMinor current, KubeMinor target) {
    Map<String, List<String>> byVersion = new LinkedHashMap<>();
    for (NodeFacts n : nodes) {
      String v = kubelet ? n.kubelet() : n.kubeProxy();
      if (v == null || v.isBlank()) {
        if (kubelet) {
          byVersion.computeIfAbsent("", k -> new ArrayList<>()).add(n.name());
        }
        continue;
      }
      byVersion.computeIfAbsent(v, k -> new ArrayList<>()).add(n.name());
    }
    List<Finding> findings = new ArrayList<>();
    byVersion.forEach(
        (version, names) -> {
          String subject = what + " " + named(names);
          KubeMinor minor = KubeMinor.parse(version);
          if (minor == null) {
            findings.add(Finding.of(Status.UNKNOWN, "version-unknown", subject, what, version));
          } else if (minor.compareTo(current) > 0) {
            findings.add(
                Finding.of(Status.FAIL, "newer-than-apiserver", subject, what, version, current));
          } else {
            SkewPolicy.NodeSkew skew = SkewPolicy.node(minor, target);
            findings.add(
                Finding.of(
                    skew.status(), skew.reason(), subject, what, version, target, skew.behind()));
          }
        });
    return findings;
  }

  static Step deprecatedApis(UpgradeFacts facts, KubeMinor target) {
    List<Finding> findings = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    Observed<List<DeprecatedApiRequest>> requests = facts.requests();
    if (requests.present()) {
      for (DeprecatedApiRequest r : requests.value()) {
        covered.add(r.groupVersion() + "/" + r.resource());
        findings.addAll(request(r, facts, target));
      }
    } else {
      findings.add(unavailable("metrics", requests.unavailable()));
    }
    Observed<List<String>> served = facts.servedGroupVersions();
    if (served.present()) {
      for (ApiRemoval row : ApiRemovals.all()) {
        if (row.removedBy(target)
            && served.value().contains(row.groupVersion())
            && covered.add(row.groupVersion() + "/" + row.resource())) {
          findings.add(
              Finding.of(
                  Status.WARN,
                  "api-served-removed",
                  row.groupVersion() + " " + row.kind(),
                  row.groupVersion(),
                  row.kind(),
                  row.removedIn(),
                  row.replacement()));
        }
      }
    } else {
      findings.add(unavailable("discovery", served.unavailable()));
    }
    if (findings.isEmpty()) {
      findings.add(Finding.of(Status.PASS, "no-deprecated-apis", "apis", target));
    }
    return Step.of(StepId.DEPRECATED_APIS, findings);
  }

  private static List<Finding> request(
      DeprecatedApiRequest r, UpgradeFacts facts, KubeMinor target) {
    Optional<ApiRemoval> row = ApiRemovals.find(r.group(), r.version(), r.resource());
    Optional<CrdDeprecation> crd =
        facts.crdDeprecations().stream()
            .filter(
                c ->
                    c.group().equals(r.group())
                        && c.version().equals(r.version())
                        && c.resource().equals(r.resource()))
            .findFirst();
    KubeMinor removedIn = row.map(ApiRemoval::removedIn).orElse(r.removedIn().orElse(null));
    String replacement =
        row.map(ApiRemoval::replacement)
            .or(
                () ->
                    crd.filter(c -> c.replacementVersion() != null)
                        .map(c -> c.group() + "/" + c.replacementVersion() + " " + c.kind()))
            .orElse("—");
    String subject = r.groupVersion() + " " + r.resource();
    Status status;
    Finding head;
    if (removedIn != null && removedIn.compareTo(target) <= 0) {
      status = Status.FAIL;
      head =
          Finding.of(
              status,
              "api-removed",
              subject,
              r.groupVersion(),
              r.resource(),
              removedIn,
              replacement);
    } else if (removedIn != null) {
      status = Status.WARN;
      head =
          Finding.of(
              status,
              "api-removed-later",
              subject,
              r.groupVersion(),
              r.resource(),
              removedIn,
              replacement);
    } else {
      status = Status.WARN;
      head =
          Finding.of(
              status, "api-deprecated", subject, r.groupVersion(), r.resource(), replacement);
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(head);
    int named = 0;
    for (ObjectUse u : facts.uses()) {
      if (u.apiVersion().equals(r.groupVersion())
          && u.resource().equals(r.resource())
          && named++ < MAX_NAMED) {
        String object = u.namespace() == null ? u.name() : u.namespace() + "/" + u.name();
        findings.add(
            Finding.of(status, "api-written-by", subject, r.groupVersion(), object, u.manager()));
      }
    }
    return findings;
  }

  static Step certificates(List<CertificateFacts> certificates, Instant now, Duration warning) {
    List<Finding> findings = new ArrayList<>();
    for (CertificateFacts c : certificates) {
      if (c.notAfter() == null) {
        findings.add(
            Finding.of(
                Status.UNKNOWN,
                "certificate-unreadable",
                c.subject(),
                c.subject(),
                c.error() == null ? "" : c.error()));
      } else if (!c.notAfter().isAfter(now)) {
        findings.add(
            Finding.of(Status.FAIL, "certificate-expired", c.subject(), c.subject(), c.notAfter()));
      } else if (c.notAfter().isBefore(now.plus(warning))) {
        findings.add(
            Finding.of(
                Status.WARN,
                "certificate-expires-soon",
                c.subject(),
                c.subject(),
                c.notAfter(),
                Duration.between(now, c.notAfter()).toDays()));
      } else {
        findings.add(
            Finding.of(Status.PASS, "certificate-valid", c.subject(), c.subject(), c.notAfter()));
      }
    }
    return Step.of(StepId.CERTIFICATES, findings);
  }

  static Step disruptionBudgets(Observed<List<PdbFacts>> pdbs) {
    if (!pdbs.present()) {
      return Step.of(StepId.DISRUPTION_BUDGETS, List.of(unavailable("pdbs", pdbs.unavailable())));
    }
    List<Finding> findings = new ArrayList<>();
    for (PdbFacts p : pdbs.value()) {
      Optional<String> reason = RotationBlockers.reason(p);
      if (reason.isPresent()) {
        findings.add(
            Finding.of(
                Status.FAIL,
                reason.get(),
                p.namespace() + "/" + p.name(),
                p.namespace() + "/" + p.name(),
                p.workloads().isEmpty() ? "—" : String.join(", ", p.workloads()),
                p.currentHealthy(),
                p.desiredHealthy(),
                p.expectedPods()));
      }
    }
    if (pdbs.unavailable() != null) {
      findings.add(Finding.of(Status.UNKNOWN, "pdbs-partial", "pdbs"));
    }
    if (findings.isEmpty()) {
      findings.add(Finding.of(Status.PASS, "no-blocking-pdb", "pdbs", pdbs.value().size()));
    }
    return Step.of(StepId.DISRUPTION_BUDGETS, findings);
  }

  private static Finding unavailable(String what, String why) {
    return Observed.NOT_VISIBLE.equals(why)
        ? Finding.of(Status.UNKNOWN, "not-visible", what, what)
        : Finding.of(Status.UNKNOWN, "unreadable", what, what, why == null ? "" : why);
  }

  private static String named(List<String> names) {
    List<String> shown = names.stream().sorted().limit(5).toList();
    String more = names.size() > shown.size() ? ", +" + (names.size() - shown.size()) : "";
    return "(" + names.size() + "): " + String.join(", ", shown) + more;
  }
}
