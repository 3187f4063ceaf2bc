package io.kubeward.release.app;

import io.kubeward.release.domain.ReleaseStepException;
import io.kubeward.release.domain.RouterPresence;
import io.kubeward.release.domain.TrafficRouting;
import io.kubeward.release.domain.TrafficSplit;
import io.kubeward.release.domain.TrafficTarget;
import java.util.List;

/**
 * Port: one implementation per traffic router ({@code replicaRatio}, {@code ingressNginx}, {@code
 * gatewayApi}). The Release controller (Kubeward's own identity, leader only) calls it; every call
 * is idempotent and safe to repeat after a restart. The controller scales the canary Deployment to
 * {@code ceil(total * weight / 100)} itself; a router shifts traffic (the replica-ratio router does
 * so by scaling the stable Deployment to {@code total - canary}).
 */
public interface TrafficRouter {

  /**
   * {@code replicaRatio}, {@code ingressNginx} or {@code gatewayApi} (= {@link
   * TrafficRouting#type()}).
   */
  String type();

  /** Whether the router's API exists on the cluster, with the reason when not. */
  RouterPresence presence(String cluster);

  /** Whether the router can send requests matching a header/cookie to the canary (A/B). */
  boolean supportsHeaderRoutes();

  /** Problems of the routing spec and its objects' names, empty when valid (static checks only). */
  List<String> validate(TrafficRouting routing);

  /** Brings the traffic to {@code split}. */
  void apply(String cluster, TrafficTarget target, TrafficSplit split) throws ReleaseStepException;

  /** The traffic as the cluster's objects say now. */
  TrafficSplit observe(String cluster, TrafficTarget target) throws ReleaseStepException;

  /**
   * All traffic to stable; removes what the router created for the Release (canary Ingress, rules).
   */
  void restore(String cluster, TrafficTarget target) throws ReleaseStepException;
}
