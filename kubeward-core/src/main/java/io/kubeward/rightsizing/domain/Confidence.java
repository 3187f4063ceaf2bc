package io.kubeward.rightsizing.domain;

import java.util.Locale;

/** How far a recommendation can be trusted: from how much of the window samples cover. */
public enum Confidence {
  LOW,
  MEDIUM,
  HIGH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** High with enough samples over most of the window, medium with some, else low. */
  public static Confidence of(int samples, double coverage, RightsizingPolicy policy) {
    if (samples >= policy.highSamples() && coverage >= policy.highCoverage()) {
      return HIGH;
    }
    if (samples >= policy.mediumSamples() && coverage >= policy.mediumCoverage()) {
      return MEDIUM;
    }
    return LOW;
  }
}
