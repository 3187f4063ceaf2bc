/**
 * The controller runtime every Kubeward controller uses (ADR 0014): per cluster, leader election on
 * one Lease, CRD installation off request threads, informers feeding per-key work queues with
 * rate-limited retries, finalizers, Events and status conditions. {@code domain} is pure, {@code
 * app} holds the contracts a feature implements, {@code kube} runs them with fabric8.
 */
package io.kubeward.runtime;
