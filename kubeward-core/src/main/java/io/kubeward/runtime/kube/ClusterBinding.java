package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.runtime.app.EventRecorder;
import java.time.Clock;

/**
 * What a controller gets for one cluster: the cluster's <em>system</em> client (Kubeward's own
 * credentials, never a user's: controllers act as Kubeward, {@link #caller()} is {@link
 * Caller#controller}), the controllers' namespace, an Event recorder and the clock.
 */
public record ClusterBinding(
    String cluster,
    KubernetesClient systemClient,
    Caller caller,
    String namespace,
    EventRecorder events,
    Clock clock) {}
