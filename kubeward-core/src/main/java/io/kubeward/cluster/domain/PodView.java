package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compact projection of a Pod: what the overview and the pod lists show. {@code nodeName} is {@code
 * null} until scheduled; {@code problem} is {@code null} for a healthy pod; {@code ready} is "ready
 * containers/containers" ({@code "1/2"}); {@code requests}/{@code limits} are the pod's effective
 * values (the larger of the containers' sum and any init container, plus overhead), {@code pods} 1;
 * {@code containers} the regular containers with their own requests and limits, in spec order;
 * {@code diagnosis} the container states, scheduler message and readiness of a pod that is not
 * simply running and ready ({@code null} otherwise, to keep healthy pods small); {@code references}
 * the ConfigMaps, Secrets and PVCs it references (shared between pods of one workload).
 */
public record PodView(
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    @Nullable OwnerRef owner,
    @Nullable String nodeName,
    PodPhase phase,
    @Nullable PodProblem problem,
    String ready,
    int restarts,
    @Nullable String ip,
    Resources requests,
    Resources limits,
    List<ContainerResources> containers,
    @Nullable PodDiagnosis diagnosis,
    PodReferences references)
    implements KubeObjectView {

  public PodView {
    containers = containers == null ? List.of() : containers;
    references = references == null ? PodReferences.NONE : references;
  }

  /** A pod view without diagnosis and references (tests, benchmarks). */
  public PodView(
      String namespace,
      String name,
      String uid,
      String resourceVersion,
      Instant createdAt,
      Map<String, String> labels,
      OwnerRef owner,
      String nodeName,
      PodPhase phase,
      PodProblem problem,
      String ready,
      int restarts,
      String ip,
      Resources requests,
      Resources limits,
      List<ContainerResources> containers) {
    this(
        namespace,
        name,
        uid,
        resourceVersion,
        createdAt,
        labels,
        owner,
        nodeName,
        phase,
        problem,
        ready,
        restarts,
        ip,
        requests,
        limits,
        containers,
        null,
        PodReferences.NONE);
  }

  /** A pod view without its containers' resources (tests, benchmarks). */
  public PodView(
      String namespace,
      String name,
      String uid,
      String resourceVersion,
      Instant createdAt,
      Map<String, String> labels,
      OwnerRef owner,
      String nodeName,
      PodPhase phase,
      PodProblem problem,
      String ready,
      int restarts,
      String ip,
      Resources requests,
      Resources limits) {
    this(
        namespace,
        name,
        uid,
        resourceVersion,
        createdAt,
        labels,
        owner,
        nodeName,
        phase,
        problem,
        ready,
        restarts,
        ip,
        requests,
        limits,
        List.of(),
        null,
        PodReferences.NONE);
  }

  /** The problem reason if any, else the phase (as Kubernetes writes them). */
  @Override
  public String status() {
    if (problem != null) {
      return problem.reason();
    }
    return phase == null ? PodPhase.UNKNOWN.kubernetesName() : phase.kubernetesName();
  }

  /** Whether the pod holds node resources (scheduled and neither succeeded nor failed). */
  public boolean holdsResources() {
    return nodeName != null && phase != PodPhase.SUCCEEDED && phase != PodPhase.FAILED;
  }

  @Override
  public PodView withResourceVersion(String version) {
    return new PodView(
        namespace,
        name,
        uid,
        version,
        createdAt,
        labels,
        owner,
        nodeName,
        phase,
        problem,
        ready,
        restarts,
        ip,
        requests,
        limits,
        containers,
        diagnosis,
        references);
  }
}
