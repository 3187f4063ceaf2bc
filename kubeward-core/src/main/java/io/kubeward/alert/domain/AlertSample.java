package io.kubeward.alert.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing a rule's condition finds true at an evaluation: the labels that tell it apart from the
 * rule's other samples (e.g. {@code namespace}, {@code pod}; the engine adds {@code alertname},
 * {@code cluster}, {@code severity}, {@code rule} and the rule's own labels), the annotations with
 * their templates already filled in, and the value that made it true, if it has one.
 */
public record AlertSample(
    Map<String, String> labels, Map<String, String> annotations, @Nullable Double value) {

  public AlertSample {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
