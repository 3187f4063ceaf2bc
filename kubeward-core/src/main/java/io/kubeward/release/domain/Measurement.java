package io.kubeward.release.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One measurement: when, its outcome, the value read (as text) and why, for people. */
public record Measurement(
    Instant at, MeasurementPhase phase, @Nullable String value, @Nullable String message) {}
