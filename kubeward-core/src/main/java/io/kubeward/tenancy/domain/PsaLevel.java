package io.kubeward.tenancy.domain;

import java.util.Locale;

/** A Pod Security Standards level, as the {@code pod-security.kubernetes.io/*} labels spell it. */
public enum PsaLevel {
  PRIVILEGED,
  BASELINE,
  RESTRICTED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PsaLevel parse(String value) {
    for (PsaLevel level : values()) {
      if (level.label().equals(value)) {
        return level;
      }
    }
    throw TenancyException.invalid(
        "podSecurity", "use one of privileged, baseline, restricted (was " + value + ")");
  }
}
