package io.kubeward.cluster.app;

import io.kubeward.cluster.domain.ControlPlaneHealth;

/** A cluster's status and its control plane's health checks. */
public record ClusterDetails(ClusterStatus status, ControlPlaneHealth health) {}
