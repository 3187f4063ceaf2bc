package io.kubeward.release.domain.analysis;

import java.util.Optional;

/** The built-in signals a check may read (the CRD's {@code signal.type}). */
public enum SignalType {
  /** Container restarts of the new version's pods. */
  RESTARTS("restarts"),
  /** The new version's pods that are not ready once their start grace is over. */
  READINESS_FAILURES("readinessFailures"),
  /** Warning events involving the new version's pods, seen since the analysis started. */
  WARNING_EVENTS("warningEvents"),
  /** Active diagnostics findings on the new version's pods, of the chosen severities. */
  FINDINGS("findings");

  private final String value;

  SignalType(String value) {
    this.value = value;
  }

  /** The name in the CRD. */
  public String value() {
    return value;
  }

  public static Optional<SignalType> of(String value) {
    for (SignalType type : values()) {
      if (type.value.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
