package io.kubeward.release.domain;

import java.util.Map;

/**
 * What an analysis looks at: the Release, and the pods of each version by their labels (the new
 * version's: {@code kubeward.io/release-track=canary} plus the Deployment's selector; the stable
 * one's: its selector plus {@code pod-template-hash}).
 */
public record AnalysisSubject(
    String cluster,
    String namespace,
    String release,
    Map<String, String> canaryPodLabels,
    Map<String, String> stablePodLabels) {

  public AnalysisSubject {
    canaryPodLabels = Map.copyOf(canaryPodLabels);
    stablePodLabels = Map.copyOf(stablePodLabels);
  }
}
