package io.kubeward.workload.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The workload kinds Kubeward shows and operates on, with the plural that names them in REST paths
 * ({@code /api/v1/clusters/{c}/namespaces/{ns}/workloads/{plural}/{name}}) and the CLI.
 */
public enum WorkloadKind {
  DEPLOYMENT("deployments", "Deployment", "apps/v1"),
  STATEFULSET("statefulsets", "StatefulSet", "apps/v1"),
  DAEMONSET("daemonsets", "DaemonSet", "apps/v1"),
  REPLICASET("replicasets", "ReplicaSet", "apps/v1"),
  JOB("jobs", "Job", "batch/v1"),
  CRONJOB("cronjobs", "CronJob", "batch/v1");

  private final String plural;
  private final String kind;
  private final String apiVersion;

  WorkloadKind(String plural, String kind, String apiVersion) {
    this.plural = plural;
    this.kind = kind;
    this.apiVersion = apiVersion;
  }

  public String plural() {
    return plural;
  }

  public String kind() {
    return kind;
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** Whether {@code spec.replicas} can be changed (scale). */
  public boolean scalable() {
    return this == DEPLOYMENT || this == STATEFULSET || this == REPLICASET;
  }

  /** Whether the kind rolls out pod-template revisions (restart, history, rollback, status). */
  public boolean rollsOut() {
    return this == DEPLOYMENT || this == STATEFULSET || this == DAEMONSET;
  }

  /** The kind named by a plural ({@code deployments}) or a kind name ({@code Deployment}). */
  public static Optional<WorkloadKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (WorkloadKind value : values()) {
      if (value.plural.equals(lower) || value.kind.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
