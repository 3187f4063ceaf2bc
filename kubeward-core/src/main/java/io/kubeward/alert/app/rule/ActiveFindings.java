package io.kubeward.alert.app.rule;

import io.kubeward.diagnostics.domain.Finding;
import java.util.List;

/** Port: the diagnostics engine's active findings of a cluster (every replica evaluates them). */
public interface ActiveFindings {

  /** Whether the cluster had its first full diagnostics pass (its findings are complete). */
  boolean evaluated(String cluster);

  List<Finding> active(String cluster);
}
