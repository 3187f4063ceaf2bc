package io.kubeward.upgrade.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.upgrade.domain.UpgradeFacts.CertificateFacts;
import io.kubeward.upgrade.domain.UpgradeFacts.CrdDeprecation;
import io.kubeward.upgrade.domain.UpgradeFacts.NodeFacts;
import io.kubeward.upgrade.domain.UpgradeFacts.ObjectUse;
import io.kubeward.upgrade.domain.UpgradeFacts.PdbFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessChecklistTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final KubeMinor V134 = new KubeMinor(1, 34);

  private static UpgradeFacts facts(
      List<NodeFacts> nodes,
      List<DeprecatedApiRequest> requests,
      List<String> served,
      List<ObjectUse> uses,
      List<CertificateFacts> certificates,
      List<PdbFacts> pdbs) {
    return new UpgradeFacts(
        "c",
        "v1.34.4",
        V134,
        Observed.of(nodes),
        Observed.of(requests),
        Observed.of(served),
        List.of(new CrdDeprecation("example.com", "v1beta1", "widgets", "Widget", "v1", null)),
        uses,
        certificates,
        Observed.of(pdbs));
  }

  private static Step step(ReadinessReport r, StepId id) {
    return r.steps().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }

  @Test
  void aCleanClusterPassesEveryStepInOrder() {
    ReadinessReport r =
        ReadinessChecklist.build(
            facts(
                List.of(new NodeFacts("n1", "v1.34.0", null)),
                List.of(),
                List.of("v1", "apps/v1"),
                List.of(),
                List.of(new CertificateFacts("apiserver", NOW.plus(Duration.ofDays(300)), null)),
                List.of()),
            new KubeMinor(1, 35),
            NOW,
            Duration.ofDays(30));
    assertThat(r.steps()).extracting(Step::id).containsExactly(StepId.values());
    assertThat(r.overall()).isEqualTo(Status.PASS);
    assertThat(r.path()).containsExactly(new KubeMinor(1, 35));
  }

  @Test
  void removedAndDeprecatedApisNameTheirReplacementAndWriters() {
    ReadinessReport r =
        ReadinessChecklist.build(
            facts(
                List.of(),
                List.of(
                    new DeprecatedApiRequest(
                        "flowcontrol.apiserver.k8s.io", "v1beta3", "flowschemas", "", "1.32"),
                    new DeprecatedApiRequest("example.com", "v1beta1", "widgets", "", "")),
                List.of("v1", "policy/v1beta1"),
                List.of(new ObjectUse("example.com/v1beta1", "widgets", "ns", "w1", "kubectl")),
                List.of(),
                List.of()),
            new KubeMinor(1, 35),
            NOW,
            Duration.ofDays(30));
    Step apis = step(r, StepId.DEPRECATED_APIS);
    assertThat(apis.status()).isEqualTo(Status.FAIL);
    assertThat(apis.findings())
        .extracting(Finding::code, f -> f.args().getLast())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api-removed", "flowcontrol.apiserver.k8s.io/v1"),
            org.assertj.core.groups.Tuple.tuple("api-deprecated", "example.com/v1 Widget"),
            org.assertj.core.groups.Tuple.tuple("api-written-by", "kubectl"),
            org.assertj.core.groups.Tuple.tuple("api-served-removed", "policy/v1"),
            org.assertj.core.groups.Tuple.tuple(
                "api-served-removed", "Pod Security Admission (no replacement API)"));
  }

  @Test
  void nodeSkewJudgesKubeletsAgainstTheTarget() {
    ReadinessReport r =
        ReadinessChecklist.build(
            facts(
                List.of(
                    new NodeFacts("old", "v1.31.0", null),
                    new NodeFacts("new", "v1.35.0", null),
                    new NodeFacts("ok", "v1.34.1", "v1.34.1")),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()),
            new KubeMinor(1, 35),
            NOW,
            Duration.ofDays(30));
    assertThat(step(r, StepId.NODE_SKEW).findings())
        .extracting(Finding::status, Finding::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Status.FAIL, "too-old"),
            org.assertj.core.groups.Tuple.tuple(Status.FAIL, "newer-than-apiserver"),
            org.assertj.core.groups.Tuple.tuple(Status.PASS, "within-policy"),
            org.assertj.core.groups.Tuple.tuple(Status.PASS, "within-policy"));
  }

  @Test
  void certificatesWarnBeforeAndFailAfterExpiry() {
    Step s =
        ReadinessChecklist.certificates(
            List.of(
                new CertificateFacts("soon", NOW.plus(Duration.ofDays(5)), null),
                new CertificateFacts("gone", NOW.minusSeconds(1), null),
                new CertificateFacts("fine", NOW.plus(Duration.ofDays(90)), null),
                new CertificateFacts("hidden", null, "refused")),
            NOW,
            Duration.ofDays(30));
    assertThat(s.findings())
        .extracting(Finding::status)
        .containsExactly(Status.WARN, Status.FAIL, Status.PASS, Status.UNKNOWN);
    assertThat(s.status()).isEqualTo(Status.FAIL);
  }

  @Test
  void budgetsThatAllowNoDisruptionBlockTheRotationWithTheirCause() {
    PdbFacts zero = new PdbFacts("a", "zero", null, "0", 0, 2, 2, 2, List.of("Deployment/web"));
    PdbFacts all = new PdbFacts("a", "all", "2", null, 0, 2, 2, 2, List.of());
    PdbFacts sick = new PdbFacts("a", "sick", "1", null, 0, 0, 1, 2, List.of());
    PdbFacts fine = new PdbFacts("a", "fine", "1", null, 1, 2, 1, 2, List.of());
    PdbFacts empty = new PdbFacts("a", "empty", null, "0", 0, 0, 0, 0, List.of());
    assertThat(RotationBlockers.reason(zero)).contains("pdb-max-unavailable-zero");
    assertThat(RotationBlockers.reason(all)).contains("pdb-min-available-all");
    assertThat(RotationBlockers.reason(sick)).contains("pdb-unhealthy-pods");
    assertThat(RotationBlockers.reason(fine)).isEmpty();
    assertThat(RotationBlockers.reason(empty)).isEmpty();
    Step s = ReadinessChecklist.disruptionBudgets(Observed.of(List.of(zero, fine)));
    assertThat(s.status()).isEqualTo(Status.FAIL);
    assertThat(s.findings().getFirst().args()).contains("a/zero", "Deployment/web");
  }

  @Test
  void whatTheCallerMayNotSeeIsSaidNotHidden() {
    Step s = ReadinessChecklist.disruptionBudgets(Observed.notVisible());
    assertThat(s.status()).isEqualTo(Status.UNKNOWN);
    assertThat(s.findings()).extracting(Finding::code).containsExactly("not-visible");
    Step nodes = ReadinessChecklist.nodeSkew(Observed.notVisible(), V134, new KubeMinor(1, 35));
    assertThat(nodes.findings()).extracting(Finding::code).containsExactly("not-visible");
  }
}
