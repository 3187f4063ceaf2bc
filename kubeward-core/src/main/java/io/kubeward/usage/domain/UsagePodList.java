package io.kubeward.usage.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of pods' usage.
 *
 * @param total the pods matching the query (all pages)
 * @param continueToken where the next page starts ({@code continue}), {@code null} on the last page
 */
public record UsagePodList(
    String cluster,
    UsageSource source,
    @Nullable Instant sampledAt,
    List<UsagePod> items,
    int total,
    @JsonProperty("continue") @Nullable String continueToken) {

  public UsagePodList withSource(UsageSource translated) {
    return new UsagePodList(cluster, translated, sampledAt, items, total, continueToken);
  }
}
