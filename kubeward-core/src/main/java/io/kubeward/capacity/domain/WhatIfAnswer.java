package io.kubeward.capacity.domain;

import java.util.List;

/**
 * The answer to a what-if: each hypothetical pod's placement, how many fit, and for a drain the
 * nodes drained and the evicted pods no controller recreates.
 *
 * @param question {@code replicas}, {@code drain} or {@code requests}
 * @param subject what was asked about ({@code Deployment shop/web}, {@code node kw-1}, {@code zone
 *     z1}, {@code pool gpu})
 * @param drained nodes the drain cordons (empty otherwise)
 * @param notRecreated evicted pods without a controller ({@code namespace/name}): gone, not
 *     re-placed
 */
public record WhatIfAnswer(
    String question,
    String subject,
    int pods,
    int fitting,
    List<Placement> placements,
    List<String> drained,
    List<String> notRecreated) {

  public WhatIfAnswer {
    placements = List.copyOf(placements);
    drained = List.copyOf(drained);
    notRecreated = List.copyOf(notRecreated);
  }

  public boolean allFit() {
    return fitting == pods;
  }
}
