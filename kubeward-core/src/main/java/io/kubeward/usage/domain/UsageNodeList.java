package io.kubeward.usage.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every node's usage, by name. */
public record UsageNodeList(
    String cluster, UsageSource source, @Nullable Instant sampledAt, List<UsageNode> items) {

  public UsageNodeList withSource(UsageSource translated) {
    return new UsageNodeList(cluster, translated, sampledAt, items);
  }
}
