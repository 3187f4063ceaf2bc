package io.kubeward.posture.domain;

import io.kubeward.access.domain.NamespaceVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Builds what a caller sees of a scan (ADR 0050). Pure. */
public final class PostureReports {

  private PostureReports() {}

  /**
   * The report: results in namespaces the caller may not read are dropped; cluster-scoped results
   * (cluster bindings, certificates) are shown only to callers who may read every namespace.
   */
  public static PostureReport build(
      Scan scan,
      List<PostureException> exceptions,
      Instant now,
      NamespaceVisibility visible,
      ReportFilter filter) {
    List<Result> seen =
        scan.results().stream()
            .filter(
                r ->
                    r.subject().namespace() == null
                        ? visible.all()
                        : visible.includes(r.subject().namespace()))
            .toList();
    Map<String, List<Result>> byNamespace = new TreeMap<>();
    for (Result r : seen) {
      if (r.subject().namespace() != null) {
        byNamespace.computeIfAbsent(r.subject().namespace(), k -> new ArrayList<>()).add(r);
      }
    }
    List<PostureReport.NamespaceScore> namespaces =
        byNamespace.entrySet().stream()
            .map(
                e ->
                    new PostureReport.NamespaceScore(
                        e.getKey(), Score.of(e.getValue(), exceptions, now)))
            .toList();
    List<PostureReport.Finding> findings =
        seen.stream()
            .filter(r -> !r.passed())
            .filter(filter::accepts)
            .sorted(
                Comparator.comparing((Result r) -> r.check().severity())
                    .thenComparing(r -> Objects.toString(r.subject().namespace(), ""))
                    .thenComparing(r -> r.subject().kind())
                    .thenComparing(r -> r.subject().name())
                    .thenComparing(r -> r.check()))
            .map(r -> finding(r, exceptions, now))
            .toList();
    return new PostureReport(
        scan.cluster(),
        scan.scannedBy(),
        scan.scannedAt(),
        now,
        Score.of(seen, exceptions, now),
        namespaces,
        findings,
        scan.notes());
  }

  private static PostureReport.Finding finding(
      Result r, List<PostureException> exceptions, Instant now) {
    PostureException covering =
        exceptions.stream().filter(e -> e.covers(r, now)).findFirst().orElse(null);
    return new PostureReport.Finding(
        r.check().wireName(),
        r.check().severity().wireName(),
        r.check().citations(),
        r.subject().kind(),
        r.subject().namespace(),
        r.subject().name(),
        r.detail(),
        covering == null ? null : covering.id(),
        covering == null ? null : covering.expiresAt());
  }
}
