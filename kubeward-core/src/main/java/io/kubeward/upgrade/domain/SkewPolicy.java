package io.kubeward.upgrade.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes version-skew policy (kubernetes.io/releases/version-skew-policy), pure: the
 * control plane upgrades one minor at a time; a kubelet (and kube-proxy) may be up to three minors
 * older than the apiserver, never newer.
 */
public final class SkewPolicy {

  /** How many minors a kubelet or kube-proxy may be behind the apiserver (since 1.28). */
  public static final int MAX_NODE_BEHIND = 3;

  /** How far ahead of the control plane a readiness target may be. */
  public static final int MAX_TARGET_AHEAD = 3;

  private SkewPolicy() {}

  /** A node component's verdict against an apiserver version. */
  public record NodeSkew(Status status, int behind, String reason) {}

  /**
   * The control-plane upgrades from {@code current} to {@code target}, one minor at a time (empty
   * when already there).
   */
  public static List<KubeMinor> path(KubeMinor current, KubeMinor target) {
    List<KubeMinor> steps = new ArrayList<>();
    for (KubeMinor v = current.plus(1); v.compareTo(target) <= 0; v = v.plus(1)) {
      steps.add(v);
    }
    return steps;
  }

  /** Whether {@code target} is a target readiness can be checked for: current..current+3. */
  public static boolean validTarget(KubeMinor current, KubeMinor target) {
    return target.major() == current.major()
        && target.compareTo(current) >= 0
        && current.behind(target) <= MAX_TARGET_AHEAD;
  }

  /**
   * A kubelet's (or kube-proxy's) verdict once the apiserver runs {@code apiserver}: fail when
   * newer, or more than three minors behind; warn at exactly three (the next upgrade of the control
   * plane needs this node upgraded first).
   */
  public static NodeSkew node(KubeMinor component, KubeMinor apiserver) {
    int behind = component.behind(apiserver);
    if (behind < 0) {
      return new NodeSkew(Status.FAIL, behind, "newer-than-apiserver");
    }
    if (behind > MAX_NODE_BEHIND) {
      return new NodeSkew(Status.FAIL, behind, "too-old");
    }
    if (behind == MAX_NODE_BEHIND) {
      return new NodeSkew(Status.WARN, behind, "at-limit");
    }
    return new NodeSkew(Status.PASS, behind, "within-policy");
  }
}
