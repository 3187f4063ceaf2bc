package io.kubeward.alert.domain.state;

import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.HistoryKind;

/**
 * A change people are told about: an alert started firing ({@link HistoryKind#FIRING}) or resolved
 * ({@link HistoryKind#RESOLVED}); {@code alert} is the alert after the change.
 */
public record Transition(HistoryKind kind, Alert alert) {

  public Transition {
    if (kind != HistoryKind.FIRING && kind != HistoryKind.RESOLVED) {
      throw new IllegalArgumentException("not a transition: " + kind);
    }
  }
}
