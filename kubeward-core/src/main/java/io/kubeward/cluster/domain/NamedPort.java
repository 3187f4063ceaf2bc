package io.kubeward.cluster.domain;

import org.jspecify.annotations.Nullable;

/** A container port of a pod template: its name (if any) and number. */
public record NamedPort(@Nullable String name, int port) {}
