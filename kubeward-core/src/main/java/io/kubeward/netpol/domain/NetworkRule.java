package io.kubeward.netpol.domain;

import java.util.List;

/**
 * One ingress or egress rule: its peers (empty: from/to anywhere) and ports (empty: all ports), in
 * words.
 */
public record NetworkRule(List<NetworkPeer> peers, List<String> ports, String en, String zh) {}
