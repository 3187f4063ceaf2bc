package io.kubeward.alert.domain;

import java.util.Locale;
import java.util.Optional;

/** An alert's severity; its label value is the lower-case name. */
public enum AlertSeverity {
  CRITICAL,
  WARNING,
  INFO;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AlertSeverity> ofLabel(String value) {
    for (AlertSeverity s : values()) {
      if (s.label().equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
