package io.kubeward.capacity.app;

import io.kubeward.access.app.Caller;
import io.kubeward.capacity.domain.WorkloadTemplate;
import io.kubeward.capacity.domain.scheduling.PodShape;
import io.kubeward.workload.domain.WorkloadKind;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Port: what the cache lacks for a what-if, read live as the caller — a workload's pod template,
 * and the pods of nodes to drain with their tolerations, affinity and spread constraints.
 */
public interface WhatIfReader {

  /** A pod of a drained node, and whether a controller recreates it once evicted. */
  record LivePod(PodShape shape, boolean controlled) {}

  /** The workload's template, {@code null} when there is no such workload. */
  @Nullable WorkloadTemplate template(
      Caller caller, String cluster, WorkloadKind kind, String namespace, String name);

  /** The pods bound to {@code nodes} (every namespace), read as the caller. */
  List<LivePod> podsOn(Caller caller, String cluster, Set<String> nodes);
}
