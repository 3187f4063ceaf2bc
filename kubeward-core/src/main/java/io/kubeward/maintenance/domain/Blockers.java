package io.kubeward.maintenance.domain;

import java.util.Map;

/**
 * What keeps a node from being started: pods on it matching {@code podSelector}; {@code alerts} is
 * the hook for the alerting feature (kept as given, not interpreted yet).
 */
public record Blockers(NodeSelector podSelector, Map<String, Object> alerts) {}
