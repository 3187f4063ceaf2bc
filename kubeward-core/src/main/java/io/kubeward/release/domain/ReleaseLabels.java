package io.kubeward.release.domain;

/**
 * Labels and annotations a Release puts on the objects it creates or changes. Pods of the new
 * version (canary, or "green" in blue-green) carry {@link #TRACK} = {@link #CANARY}; the stable
 * version's pods are the Deployment's own and are told apart by {@code pod-template-hash}.
 */
public final class ReleaseLabels {

  /** On every object a Release created: the Release's name. */
  public static final String RELEASE = "kubeward.io/release";

  /** On the new version's Deployment and pods. */
  public static final String TRACK = "kubeward.io/release-track";

  public static final String CANARY = "canary";

  public static final String STABLE = "stable";

  /** On a Service whose selector a Release changed: the selector before it (JSON), to restore. */
  public static final String ORIGINAL_SELECTOR = "kubeward.io/original-selector";

  private ReleaseLabels() {}
}
