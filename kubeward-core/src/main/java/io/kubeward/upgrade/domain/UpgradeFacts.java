package io.kubeward.upgrade.domain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the readiness checklist judges, as read from one cluster for one caller. */
public record UpgradeFacts(
    String cluster,
    String controlPlaneVersion,
    KubeMinor controlPlane,
    Observed<List<NodeFacts>> nodes,
    Observed<List<DeprecatedApiRequest>> requests,
    Observed<List<String>> servedGroupVersions,
    List<CrdDeprecation> crdDeprecations,
    List<ObjectUse> uses,
    List<CertificateFacts> certificates,
    Observed<List<PdbFacts>> pdbs) {

  /** A node's kubelet and kube-proxy versions as it reports them ({@code null}: not reported). */
  public record NodeFacts(String name, @Nullable String kubelet, @Nullable String kubeProxy) {}

  /** A served, deprecated version of a custom resource and what its CRD offers instead. */
  public record CrdDeprecation(
      String group,
      String version,
      String resource,
      String kind,
      @Nullable String replacementVersion,
      @Nullable String warning) {}

  /**
   * An object whose managed fields say a client (the field manager) wrote it through {@code
   * apiVersion}.
   */
  public record ObjectUse(
      String apiVersion,
      String resource,
      @Nullable String namespace,
      String name,
      String manager) {}

  /** A certificate's expiry ({@code notAfter}) or why it could not be read ({@code error}). */
  public record CertificateFacts(
      String subject, @Nullable Instant notAfter, @Nullable String error) {}

  /** A PodDisruptionBudget's spec and status and the workloads owning the pods it selects. */
  public record PdbFacts(
      String namespace,
      String name,
      @Nullable String minAvailable,
      @Nullable String maxUnavailable,
      int disruptionsAllowed,
      int currentHealthy,
      int desiredHealthy,
      int expectedPods,
      List<String> workloads) {}
}
