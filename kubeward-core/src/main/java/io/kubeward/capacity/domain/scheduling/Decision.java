package io.kubeward.capacity.domain.scheduling;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where one pod lands, or why it does not.
 *
 * @param node the node chosen, {@code null} when no node fits
 * @param tiedWith other nodes with the same best score (kube-scheduler picks one of them at random;
 *     the model picks the first by name), empty when the choice is unique
 * @param reasons per reason, how many nodes rejected the pod (most first); empty when it fits
 */
public record Decision(
    String pod, @Nullable String node, List<String> tiedWith, List<ReasonCount> reasons) {

  public Decision {
    tiedWith = List.copyOf(tiedWith);
    reasons = List.copyOf(reasons);
  }

  public boolean fits() {
    return node != null;
  }
}
