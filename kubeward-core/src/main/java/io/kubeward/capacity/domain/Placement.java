package io.kubeward.capacity.domain;

import io.kubeward.capacity.domain.scheduling.ReasonCount;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one hypothetical pod would land, or why it would not.
 *
 * @param pod the pod ({@code web-new-1}, or {@code namespace/name} of an evicted pod)
 * @param node the node, {@code null} when no node fits (the pod would stay Pending)
 * @param tiedWith nodes scoring the same as {@code node} (kube-scheduler picks one at random)
 * @param reasons when it does not fit: per reason, how many nodes said so
 */
public record Placement(
    String pod, @Nullable String node, List<String> tiedWith, List<ReasonCount> reasons) {

  public Placement {
    tiedWith = List.copyOf(tiedWith);
    reasons = List.copyOf(reasons);
  }
}
