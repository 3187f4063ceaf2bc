package io.kubeward.history.app;

import io.kubeward.history.domain.UsageSnapshot;
import java.util.Optional;

/**
 * Port: a cluster's live usage as the built-in sampler reads it, with Kubeward's own identity (the
 * sampler is Kubeward's, not a user's). Empty when the cluster has no metrics API or it does not
 * answer.
 */
@FunctionalInterface
public interface LiveUsage {
  Optional<UsageSnapshot> snapshot(String cluster);
}
