package io.kubeward.events.domain;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A search of a cluster's stored events: every filter optional ({@code null}) except the time
 * range, which the use case bounds; events whose {@code [firstSeen, lastSeen]} overlaps {@code
 * [from, to]}, newest first (last seen, then id), after the {@code after} position.
 *
 * @param text a case-insensitive part of the message, reason or object name
 * @param namespaces the Event namespaces the caller may read; {@code null} means all
 */
public record EventQuery(
    @Nullable String type,
    @Nullable String reason,
    @Nullable String namespace,
    @Nullable String kind,
    @Nullable String name,
    @Nullable String text,
    Instant from,
    Instant to,
    @Nullable Set<String> namespaces,
    @Nullable EventCursor after,
    int limit) {}
