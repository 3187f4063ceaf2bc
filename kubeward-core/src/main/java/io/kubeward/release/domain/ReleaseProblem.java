package io.kubeward.release.domain;

/**
 * One thing wrong with a Release: the field (a path like {@code spec.strategy.canary.steps[2]}).
 */
public record ReleaseProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
