package io.kubeward.upgrade.domain;

/**
 * A checklist step's or finding's verdict. {@code UNKNOWN}: Kubeward could not tell (not visible to
 * the caller, or the cluster refused); it never counts as a failure.
 */
public enum Status {
  PASS,
  WARN,
  FAIL,
  UNKNOWN;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The worse of two verdicts (FAIL > WARN > UNKNOWN > PASS). */
  public Status worst(Status other) {
    return rank(other) > rank(this) ? other : this;
  }

  private static int rank(Status s) {
    return switch (s) {
      case PASS -> 0;
      case UNKNOWN -> 1;
      case WARN -> 2;
      case FAIL -> 3;
    };
  }
}
