package io.kubeward.capacity.domain.scheduling;

/** How many nodes rejected a pod for one reason ("3 nodes: insufficient cpu"). */
public record ReasonCount(String code, String detail, int nodes) {}
