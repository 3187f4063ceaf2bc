package io.kubeward.upgrade.domain;

import java.util.List;

/**
 * One checklist step ({@code upgrade.step.<id>.title} / {@code .advice} in the message bundles):
 * its verdict is the worst of its findings' ({@code PASS} with none).
 */
public record Step(StepId id, Status status, List<Finding> findings) {

  public Step {
    findings = List.copyOf(findings);
  }

  public static Step of(StepId id, List<Finding> findings) {
    Status s = Status.PASS;
    for (Finding f : findings) {
      s = s.worst(f.status());
    }
    return new Step(id, s, findings);
  }
}
