package io.kubeward.logs.domain;

import org.jspecify.annotations.Nullable;

/**
 * A log request as a user sent it (REST query parameters, CLI options), unchecked: {@code since} a
 * duration like {@code 10m} or {@code 90s}, {@code sinceTime} an RFC 3339 instant, numbers as text
 * so that a malformed one is this feature's 400 rather than a framework's.
 */
public record LogRequest(
    @Nullable String container,
    boolean follow,
    boolean previous,
    boolean timestamps,
    @Nullable String since,
    @Nullable String sinceTime,
    @Nullable String tailLines,
    @Nullable String limitBytes) {}
