package io.kubeward.events.domain;

import org.jspecify.annotations.Nullable;

/**
 * A stored event with its row id; {@code id} is {@code null} for an event only in the cache so far
 * (a timeline merges both).
 */
public record EventRow(@Nullable Long id, StoredEvent event) {}
