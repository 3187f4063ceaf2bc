package io.kubeward.posture.domain;

import java.util.Locale;

/** How much a failed check weighs in a score (ADR 0050). */
public enum Severity {
  CRITICAL(10),
  HIGH(5),
  MEDIUM(2),
  LOW(1);

  private final int weight;

  Severity(int weight) {
    this.weight = weight;
  }

  public int weight() {
    return weight;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity with this wire name; {@code null} if there is none. */
  public static Severity fromWire(String wire) {
    for (Severity s : values()) {
      if (s.wireName().equalsIgnoreCase(wire)) {
        return s;
      }
    }
    return null;
  }
}
