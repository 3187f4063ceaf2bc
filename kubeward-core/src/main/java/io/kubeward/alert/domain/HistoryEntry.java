package io.kubeward.alert.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the alerting history. Alert transitions carry the alert's fingerprint and rule; a
 * notification attempt carries the channel, the group key, the SHA-256 of the payload sent, the
 * result ({@code delivered}, {@code failed}, {@code retrying}, {@code rate-limited}), the attempt's
 * number, its latency and error; {@code detail} is a short text for people (the labels, the
 * silence's comment, the alert count of a notification). {@code id} is {@code null} until stored.
 */
public record HistoryEntry(
    @Nullable Long id,
    Instant at,
    AlertScope scope,
    HistoryKind kind,
    @Nullable String fingerprint,
    @Nullable RuleKey rule,
    @Nullable String channel,
    @Nullable String groupKey,
    @Nullable String payloadHash,
    @Nullable String result,
    int attempt,
    @Nullable Long latencyMillis,
    @Nullable String error,
    @Nullable String detail) {

  /** A transition of an alert (firing, resolved, silenced, inhibited, muted). */
  public static HistoryEntry ofAlert(
      HistoryKind kind, Alert alert, Instant at, @Nullable String detail) {
    return new HistoryEntry(
        null,
        at,
        alert.scope(),
        kind,
        alert.fingerprint(),
        alert.rule(),
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        detail);
  }
}
