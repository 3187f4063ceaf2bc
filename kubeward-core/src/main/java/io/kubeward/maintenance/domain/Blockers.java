package io.kubeward.maintenance.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What keeps a node from being started: pods on it matching {@code podSelector}; {@code alerts} is
 * the hook for the alerting feature (kept as given, not interpreted yet).
 */
public record Blockers(@Nullable NodeSelector podSelector, @Nullable Map<String, Object> alerts) {}
