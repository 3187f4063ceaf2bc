package io.kubeward.posture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.NamespaceVisibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoreAndExceptionsTest {

  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  static final Subject POD = new Subject("Pod", "a", "p");

  static Scan scan() {
    return new Scan(
        "c",
        "alice",
        NOW,
        List.of(
            Result.fail(Check.PRIVILEGED, POD, "containers: x"), // 10
            Result.pass(Check.HOST_PATH, POD), // 5
            Result.fail(Check.PROBES, POD, "no probe"), // 1
            Result.pass(Check.NETWORK_POLICY, Subject.namespace("b")), // 5
            Result.fail(Check.APISERVER_CERTIFICATE, Subject.cluster("c"), "expired")), // 5
        List.of());
  }

  static PostureException exception(Check check, Instant expires) {
    return new PostureException(
        "e1",
        "c",
        check,
        PostureException.Scope.OBJECT,
        "a",
        "Pod",
        "p",
        "accepted",
        expires,
        "admin",
        NOW);
  }

  @Test
  void scoreIsTheUnlostShareOfTheJudgedWeight() {
    PostureReport r =
        PostureReports.build(scan(), List.of(), NOW, NamespaceVisibility.ALL, ReportFilter.NONE);
    // W = 10+5+1+5+5 = 26, F = 10+1+5 = 16 -> floor(100*10/26) = 38
    assertThat(r.score().score()).isEqualTo(38);
    // namespace a: W = 16, F = 11 -> floor(500/16) = 31; namespace b: 100
    assertThat(r.namespaces())
        .extracting(n -> n.namespace() + "=" + n.score().score())
        .containsExactly("a=31", "b=100");
    assertThat(r.findings()).hasSize(3);
  }

  @Test
  void anUnexpiredExceptionRemovesTheWeightAndMarksTheFindingUntilItExpires() {
    List<PostureException> exceptions =
        List.of(exception(Check.PRIVILEGED, NOW.plus(Duration.ofDays(1))));
    PostureReport r =
        PostureReports.build(scan(), exceptions, NOW, NamespaceVisibility.ALL, ReportFilter.NONE);
    assertThat(r.score().score()).isEqualTo(76); // F = 6 -> floor(2000/26)
    assertThat(r.findings())
        .filteredOn(f -> f.check().equals("privileged"))
        .singleElement()
        .satisfies(f -> assertThat(f.excepted()).isTrue());
    PostureReport later =
        PostureReports.build(
            scan(),
            exceptions,
            NOW.plus(Duration.ofDays(1)),
            NamespaceVisibility.ALL,
            ReportFilter.NONE);
    assertThat(later.score().score()).isEqualTo(38);
    assertThat(later.findings()).noneMatch(PostureReport.Finding::excepted);
  }

  @Test
  void exceptionScopes() {
    Result failed = Result.fail(Check.PRIVILEGED, POD, "x");
    PostureException cluster =
        new PostureException(
            "1",
            "c",
            Check.PRIVILEGED,
            PostureException.Scope.CLUSTER,
            null,
            null,
            null,
            "r",
            NOW.plusSeconds(60),
            "admin",
            NOW);
    PostureException otherNamespace =
        new PostureException(
            "2",
            "c",
            Check.PRIVILEGED,
            PostureException.Scope.NAMESPACE,
            "b",
            null,
            null,
            "r",
            NOW.plusSeconds(60),
            "admin",
            NOW);
    PostureException otherCheck = exception(Check.HOST_PATH, NOW.plusSeconds(60));
    assertThat(cluster.covers(failed, NOW)).isTrue();
    assertThat(otherNamespace.covers(failed, NOW)).isFalse();
    assertThat(otherCheck.covers(failed, NOW)).isFalse();
  }

  @Test
  void callersSeeOnlyTheirNamespacesAndFiltersNarrowFindingsNotScores() {
    PostureReport onlyA =
        PostureReports.build(
            scan(), List.of(), NOW, NamespaceVisibility.only(Set.of("a")), ReportFilter.NONE);
    assertThat(onlyA.namespaces())
        .extracting(PostureReport.NamespaceScore::namespace)
        .containsExactly("a");
    assertThat(onlyA.findings()).allMatch(f -> "a".equals(f.namespace()));
    PostureReport filtered =
        PostureReports.build(
            scan(),
            List.of(),
            NOW,
            NamespaceVisibility.ALL,
            new ReportFilter(null, null, Severity.LOW));
    assertThat(filtered.findings())
        .extracting(PostureReport.Finding::check)
        .containsExactly("probes");
    assertThat(filtered.score().score()).isEqualTo(38);
  }

  @Test
  void requestsAreValidatedWithBoundedExpiry() {
    Duration max = Duration.ofDays(365);
    ExceptionRequest ok =
        new ExceptionRequest(
            "privileged", "object", "a", "Pod", "p", "vendor agent", NOW.plus(Duration.ofDays(30)));
    assertThat(ok.problems(NOW, max)).isEmpty();
    assertThat(
            new ExceptionRequest("privileged", "object", "a", "Pod", "p", "r", NOW.minusSeconds(1))
                .problems(NOW, max))
        .containsExactly("expiresAt: must be in the future");
    assertThat(
            new ExceptionRequest(
                    "privileged", "cluster", null, null, null, "r", NOW.plus(Duration.ofDays(366)))
                .problems(NOW, max))
        .containsExactly("expiresAt: at most 365 days ahead");
    assertThat(
            new ExceptionRequest("nope", "galaxy", null, null, null, " ", null).problems(NOW, max))
        .hasSize(4);
  }
}
