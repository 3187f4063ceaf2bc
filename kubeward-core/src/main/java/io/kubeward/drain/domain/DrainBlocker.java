package io.kubeward.drain.domain;

import java.util.List;

/** A disruption budget that has blocked the drain too long, and the pods it holds on the node. */
public record DrainBlocker(String namespace, String pdb, List<String> pods) {

  public DrainBlocker {
    pods = List.copyOf(pods);
  }
}
