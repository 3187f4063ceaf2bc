package io.kubeward.usage.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The usage of each namespace the caller may list pods in, by name. */
public record UsageNamespaceList(
    String cluster, UsageSource source, @Nullable Instant sampledAt, List<UsageNamespace> items) {

  public UsageNamespaceList withSource(UsageSource translated) {
    return new UsageNamespaceList(cluster, translated, sampledAt, items);
  }
}
