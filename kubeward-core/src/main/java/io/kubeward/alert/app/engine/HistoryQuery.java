package io.kubeward.alert.app.engine;

import io.kubeward.alert.domain.HistoryKind;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a history query selects; every criterion is optional. {@code scopes} are {@link
 * io.kubeward.alert.domain.AlertScope#key()}s (empty: all); {@code beforeId} pages backwards
 * (entries come newest first).
 */
public record HistoryQuery(
    Set<String> scopes,
    @Nullable String fingerprint,
    @Nullable String rule,
    @Nullable String channel,
    Set<HistoryKind> kinds,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Long beforeId,
    int limit) {

  public HistoryQuery {
    scopes = Set.copyOf(scopes);
    kinds = Set.copyOf(kinds);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
  }
}
