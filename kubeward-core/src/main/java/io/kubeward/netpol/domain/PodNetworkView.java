package io.kubeward.netpol.domain;

import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicy view of one pod: the policies of its namespace that select it, those that do
 * not, and what each direction allows.
 */
public record PodNetworkView(
    String cluster,
    String namespace,
    String pod,
    Map<String, String> labels,
    List<SelectingPolicy> selecting,
    List<String> notSelecting,
    TrafficDirection ingress,
    TrafficDirection egress) {}
