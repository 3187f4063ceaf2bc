package io.kubeward.rightsizing.app;

/**
 * What to change: one container of one workload; its new CPU and memory requests as quantities
 * ({@code null}: the current recommendation); {@code raiseLimits}: also raise a limit the new
 * request would exceed (otherwise such a change is refused).
 */
public record ApplyRequest(
    String namespace,
    String kind,
    String name,
    String container,
    String cpu,
    String memory,
    boolean raiseLimits) {}
