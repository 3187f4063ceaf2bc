package io.kubeward.drain.app;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kubeward.access.app.Caller;
import java.util.Collection;
import java.util.List;

/**
 * Port: what a drain reads and writes, always live from the cluster's API (never the cache: a
 * safety decision needs fresh state, and the cache's views lack volumes and annotations; see ADR
 * 0010), for a caller: a person previewing a drain reads with their own identity, the maintenance
 * controller drains as Kubeward. Failures come back as {@link
 * io.kubeward.cluster.app.ClusterNotFoundException}, {@link
 * io.kubeward.cluster.app.ClusterUnreachableException} or {@link
 * io.kubeward.cluster.app.ClusterApiException}.
 */
public interface DrainGateway {

  /** Whether the node exists. */
  boolean nodeExists(Caller caller, String cluster, String node);

  /** The pods bound to the node ({@code spec.nodeName}), in any namespace. */
  List<Pod> podsOn(Caller caller, String cluster, String node);

  /** The disruption budgets of these namespaces. */
  List<PodDisruptionBudget> budgets(Caller caller, String cluster, Collection<String> namespaces);

  /**
   * Asks the Eviction API (policy/v1) to evict the pod with this uid.
   *
   * @param gracePeriodSeconds {@code null} for the pod's own grace period
   */
  Attempt evict(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      String uid,
      Integer gracePeriodSeconds);

  /** Deletes the pod with this uid without eviction (for pods without a controller, on force). */
  Attempt delete(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      String uid,
      Integer gracePeriodSeconds);

  /** How the API answered an eviction or deletion. */
  enum Outcome {
    /** Accepted: the pod is terminating. */
    ACCEPTED,
    /** 429: a disruption budget does not allow it now. */
    TOO_MANY_REQUESTS,
    /** 404 or another uid: the pod is already gone. */
    GONE,
    /** Any other refusal (e.g. 500 for a pod covered by several budgets). */
    FAILED
  }

  /** The answer and the apiserver's message. */
  record Attempt(Outcome outcome, String message) {

    public static Attempt accepted() {
      return new Attempt(Outcome.ACCEPTED, null);
    }
  }
}
