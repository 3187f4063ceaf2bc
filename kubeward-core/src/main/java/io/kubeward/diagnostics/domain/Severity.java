package io.kubeward.diagnostics.domain;

/**
 * How urgent a finding is. {@link #CRITICAL}: something is down or cannot start (crash loop, pod
 * unschedulable, Service without ready endpoints). {@link #WARNING}: degraded or about to fail
 * (readiness failing, restarts, quota near its limit). {@link #INFO}: hygiene (nothing references a
 * ConfigMap). Declared from the most to the least urgent, so the natural order sorts by urgency.
 */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO
}
