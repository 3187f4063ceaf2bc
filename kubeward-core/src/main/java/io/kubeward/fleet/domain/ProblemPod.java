package io.kubeward.fleet.domain;

import io.kubeward.cluster.domain.PodView;

/** A pod with a problem and the cluster it runs in. */
public record ProblemPod(String cluster, PodView pod) {}
