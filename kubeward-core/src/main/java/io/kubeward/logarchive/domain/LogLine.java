package io.kubeward.logarchive.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One archived log line. */
public record LogLine(
    @Nullable Instant timestamp,
    @Nullable String namespace,
    @Nullable String pod,
    @Nullable String container,
    String message) {}
