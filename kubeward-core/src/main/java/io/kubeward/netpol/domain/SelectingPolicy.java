package io.kubeward.netpol.domain;

import java.util.List;

/**
 * A NetworkPolicy that selects the pod: which directions it isolates and the rules it allows.
 *
 * @param podSelector the policy's pod selector as text ({@code ""}: every pod of the namespace)
 */
public record SelectingPolicy(
    String name,
    String podSelector,
    boolean ingress,
    boolean egress,
    List<NetworkRule> ingressRules,
    List<NetworkRule> egressRules) {}
