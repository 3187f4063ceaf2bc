package io.kubeward.usage.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The usage of each workload of one namespace, by kind and name. */
public record UsageWorkloadList(
    String cluster,
    String namespace,
    UsageSource source,
    @Nullable Instant sampledAt,
    List<UsageWorkload> items) {

  public UsageWorkloadList withSource(UsageSource translated) {
    return new UsageWorkloadList(cluster, namespace, translated, sampledAt, items);
  }
}
