package io.kubeward.hpa.app;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.kubeward.access.app.Caller;
import io.kubeward.hpa.domain.VpaView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: HPAs and VPAs read and written through the cluster's API with the caller's identity
 * (impersonation: Kubernetes decides). Failures come back as the cluster's translated refusals.
 */
public interface HpaGateway {

  Optional<HorizontalPodAutoscaler> get(
      Caller caller, String cluster, String namespace, String name);

  /** Creates; with {@code dryRun} the apiserver validates and admits but stores nothing. */
  HorizontalPodAutoscaler create(
      Caller caller, String cluster, HorizontalPodAutoscaler hpa, boolean dryRun);

  /** Replaces, refused as a conflict when the object's resourceVersion is stale. */
  HorizontalPodAutoscaler update(
      Caller caller, String cluster, HorizontalPodAutoscaler hpa, boolean dryRun);

  boolean delete(Caller caller, String cluster, String namespace, String name);

  /**
   * The scale target's containers and the resources each requests (cpu, memory), read live as the
   * caller; empty if there is no such object.
   */
  Optional<Map<String, Set<String>>> targetRequests(
      Caller caller, String cluster, String namespace, String kind, String name);

  /** The HPA as YAML, without managed fields. */
  String yaml(HorizontalPodAutoscaler hpa);

  /** The HPA's spec as YAML (the audited change is the diff of two of them). */
  String specYaml(HorizontalPodAutoscaler hpa);

  /** Whether the cluster serves the VerticalPodAutoscaler API (discovered live). */
  boolean vpaInstalled(String cluster);

  /** The VPAs of a namespace ({@code null}: every namespace the caller may list), as the caller. */
  List<VpaView> vpas(Caller caller, String cluster, String namespace);
}
