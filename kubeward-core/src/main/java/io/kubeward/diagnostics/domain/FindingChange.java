package io.kubeward.diagnostics.domain;

/** A transition of a finding: opened, updated (what users read changed) or resolved. */
public record FindingChange(Type type, Finding finding) {

  public enum Type {
    OPENED,
    UPDATED,
    RESOLVED
  }
}
