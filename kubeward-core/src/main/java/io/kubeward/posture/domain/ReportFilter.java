package io.kubeward.posture.domain;

/** Which findings a report lists; nulls mean "any". Scores are never filtered. */
public record ReportFilter(Check check, String namespace, Severity severity) {

  public static final ReportFilter NONE = new ReportFilter(null, null, null);

  boolean accepts(Result r) {
    return (check == null || r.check() == check)
        && (namespace == null || namespace.equals(r.subject().namespace()))
        && (severity == null || r.check().severity() == severity);
  }
}
