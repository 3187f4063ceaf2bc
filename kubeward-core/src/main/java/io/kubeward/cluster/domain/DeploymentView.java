package io.kubeward.cluster.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compact projection of a Deployment: its replica counts, whether it is paused, its {@code
 * Progressing}/{@code Available}/{@code ReplicaFailure} conditions (without update times), what the
 * diagnostics and the workload page read from its pod template, and what rollout tracking needs:
 * {@code replicas} (all pods of every revision, {@code status.replicas}), the generation and the
 * observed generation, and the revision ({@code deployment.kubernetes.io/revision}).
 */
public record DeploymentView(
    String namespace,
    String name,
    String uid,
    String resourceVersion,
    @Nullable Instant createdAt,
    Map<String, String> labels,
    int desired,
    int ready,
    int available,
    int updated,
    boolean paused,
    List<ConditionView> conditions,
    PodTemplateFacts template,
    int replicas,
    long generation,
    long observedGeneration,
    @Nullable String revision)
    implements KubeObjectView {

  public DeploymentView {
    conditions = conditions == null ? List.of() : conditions;
    template = template == null ? PodTemplateFacts.NONE : template;
  }

  /** A deployment view with replica counts only (tests, benchmarks). */
  public DeploymentView(
      String namespace,
      String name,
      String uid,
      String resourceVersion,
      Instant createdAt,
      Map<String, String> labels,
      int desired,
      int ready,
      int available,
      int updated) {
    this(
        namespace,
        name,
        uid,
        resourceVersion,
        createdAt,
        labels,
        desired,
        ready,
        available,
        updated,
        false,
        List.of(),
        PodTemplateFacts.NONE,
        desired,
        0,
        0,
        null);
  }

  /** Whether as many replicas are available as are desired. */
  public boolean fullyAvailable() {
    return available >= desired;
  }

  /** The condition of {@code type}, or {@code null}. */
  public @Nullable ConditionView condition(String type) {
    for (ConditionView condition : conditions) {
      if (condition.type().equals(type)) {
        return condition;
      }
    }
    return null;
  }

  @Override
  public String status() {
    return fullyAvailable() ? "Available" : "Progressing";
  }

  @Override
  public DeploymentView withResourceVersion(String version) {
    return new DeploymentView(
        namespace,
        name,
        uid,
        version,
        createdAt,
        labels,
        desired,
        ready,
        available,
        updated,
        paused,
        conditions,
        template,
        replicas,
        generation,
        observedGeneration,
        revision);
  }
}
