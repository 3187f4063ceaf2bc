package io.kubeward.netpol.domain;

import java.util.List;

/**
 * What one direction (ingress or egress) of the pod allows, summed over the selecting policies.
 *
 * @param isolated some policy selects the pod for this direction
 * @param denyAll isolated and no rule allows anything (default deny)
 * @param allowed the allowing rules of every selecting policy, named by policy
 */
public record TrafficDirection(
    boolean isolated, boolean denyAll, List<AllowedRule> allowed, String en, String zh) {

  /** A rule with the policy it belongs to. */
  public record AllowedRule(String policy, NetworkRule rule) {}
}
