package io.kubeward.history.domain;

import java.util.Locale;

/** Where a cluster's history comes from. */
public enum SourceKind {
  PROMETHEUS,
  BUILT_IN,
  NONE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
