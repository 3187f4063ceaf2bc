package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodView;
import java.time.Instant;
import java.util.List;

/**
 * What a description needs besides the object itself, gathered by the use case from the shared
 * cache (filtered by what the caller may list) and, for a Service's EndpointSlices, read live as
 * the caller.
 *
 * @param pods the pods the object selects or owns (a node: the pods on it), as the caller may see
 * @param owned the objects the object controls (a Deployment's ReplicaSets, a CronJob's Jobs)
 * @param ownerChain the owners above the direct owner, nearest first (a pod's ReplicaSet's
 *     Deployment)
 * @param endpointSlices a Service's EndpointSlices
 * @param events the object's cached events, newest first; {@code null} if the caller may not list
 *     events there
 * @param now for ages and durations
 */
public record DescribeContext(
    List<PodView> pods,
    List<KubeObjectView> owned,
    List<Description.ObjectLink> ownerChain,
    List<EndpointSlice> endpointSlices,
    List<ObjectView> events,
    boolean eventsVisible,
    Instant now) {

  public DescribeContext {
    pods = List.copyOf(pods);
    owned = List.copyOf(owned);
    ownerChain = List.copyOf(ownerChain);
    endpointSlices = List.copyOf(endpointSlices);
    events = List.copyOf(events);
  }

  /** Nothing related (unit tests of a single object). */
  public static DescribeContext empty(Instant now) {
    return new DescribeContext(List.of(), List.of(), List.of(), List.of(), List.of(), true, now);
  }

  public DescribeContext withPods(List<PodView> more) {
    return new DescribeContext(more, owned, ownerChain, endpointSlices, events, eventsVisible, now);
  }

  public DescribeContext withOwned(List<KubeObjectView> more) {
    return new DescribeContext(pods, more, ownerChain, endpointSlices, events, eventsVisible, now);
  }

  public DescribeContext withOwnerChain(List<Description.ObjectLink> chain) {
    return new DescribeContext(pods, owned, chain, endpointSlices, events, eventsVisible, now);
  }

  public DescribeContext withEndpointSlices(List<EndpointSlice> slices) {
    return new DescribeContext(pods, owned, ownerChain, slices, events, eventsVisible, now);
  }

  public DescribeContext withEvents(List<ObjectView> list, boolean visible) {
    return new DescribeContext(pods, owned, ownerChain, endpointSlices, list, visible, now);
  }
}
