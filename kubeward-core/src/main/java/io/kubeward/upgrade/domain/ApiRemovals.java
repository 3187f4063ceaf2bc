package io.kubeward.upgrade.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The removals of built-in API versions, from the Kubernetes "Deprecated API Migration Guide"
 * (kubernetes.io/docs/reference/using-api/deprecation-guide, ADR 0055) plus the deprecations the
 * apiserver announces without a removal (core v1 Endpoints, 1.33). Pure; a new release adds rows.
 */
public final class ApiRemovals {

  private static final List<ApiRemoval> ROWS = new ArrayList<>();

  static {
    // v1.16
    for (String v : List.of("v1beta1", "v1beta2")) {
      row("apps", v, "deployments", "Deployment", 9, 16, "apps/v1");
      row("apps", v, "statefulsets", "StatefulSet", 9, 16, "apps/v1");
      row("apps", v, "replicasets", "ReplicaSet", 9, 16, "apps/v1");
      row("apps", v, "daemonsets", "DaemonSet", 9, 16, "apps/v1");
    }
    row("extensions", "v1beta1", "deployments", "Deployment", 9, 16, "apps/v1");
    row("extensions", "v1beta1", "daemonsets", "DaemonSet", 9, 16, "apps/v1");
    row("extensions", "v1beta1", "replicasets", "ReplicaSet", 9, 16, "apps/v1");
    row("extensions", "v1beta1", "networkpolicies", "NetworkPolicy", 9, 16, "networking.k8s.io/v1");
    // v1.22
    row(
        "admissionregistration.k8s.io",
        "v1beta1",
        "mutatingwebhookconfigurations",
        "MutatingWebhookConfiguration",
        16,
        22,
        "admissionregistration.k8s.io/v1");
    row(
        "admissionregistration.k8s.io",
        "v1beta1",
        "validatingwebhookconfigurations",
        "ValidatingWebhookConfiguration",
        16,
        22,
        "admissionregistration.k8s.io/v1");
    row(
        "apiextensions.k8s.io",
        "v1beta1",
        "customresourcedefinitions",
        "CustomResourceDefinition",
        16,
        22,
        "apiextensions.k8s.io/v1");
    row(
        "apiregistration.k8s.io",
        "v1beta1",
        "apiservices",
        "APIService",
        19,
        22,
        "apiregistration.k8s.io/v1");
    row(
        "authentication.k8s.io",
        "v1beta1",
        "tokenreviews",
        "TokenReview",
        19,
        22,
        "authentication.k8s.io/v1");
    for (String[] r :
        List.of(
            new String[] {"subjectaccessreviews", "SubjectAccessReview"},
            new String[] {"localsubjectaccessreviews", "LocalSubjectAccessReview"},
            new String[] {"selfsubjectaccessreviews", "SelfSubjectAccessReview"})) {
      row("authorization.k8s.io", "v1beta1", r[0], r[1], 19, 22, "authorization.k8s.io/v1");
    }
    row(
        "certificates.k8s.io",
        "v1beta1",
        "certificatesigningrequests",
        "CertificateSigningRequest",
        19,
        22,
        "certificates.k8s.io/v1");
    row("coordination.k8s.io", "v1beta1", "leases", "Lease", 19, 22, "coordination.k8s.io/v1");
    row("extensions", "v1beta1", "ingresses", "Ingress", 14, 22, "networking.k8s.io/v1");
    row("networking.k8s.io", "v1beta1", "ingresses", "Ingress", 19, 22, "networking.k8s.io/v1");
    row(
        "networking.k8s.io",
        "v1beta1",
        "ingressclasses",
        "IngressClass",
        19,
        22,
        "networking.k8s.io/v1");
    for (String[] r :
        List.of(
            new String[] {"clusterroles", "ClusterRole"},
            new String[] {"clusterrolebindings", "ClusterRoleBinding"},
            new String[] {"roles", "Role"},
            new String[] {"rolebindings", "RoleBinding"})) {
      row(
          "rbac.authorization.k8s.io",
          "v1beta1",
          r[0],
          r[1],
          17,
          22,
          "rbac.authorization.k8s.io/v1");
    }
    row(
        "scheduling.k8s.io",
        "v1beta1",
        "priorityclasses",
        "PriorityClass",
        14,
        22,
        "scheduling.k8s.io/v1");
    for (String[] r :
        List.of(
            new String[] {"csidrivers", "CSIDriver"},
            new String[] {"csinodes", "CSINode"},
            new String[] {"storageclasses", "StorageClass"},
            new String[] {"volumeattachments", "VolumeAttachment"})) {
      row("storage.k8s.io", "v1beta1", r[0], r[1], 19, 22, "storage.k8s.io/v1");
    }
    // v1.25
    row("batch", "v1beta1", "cronjobs", "CronJob", 21, 25, "batch/v1");
    row(
        "discovery.k8s.io",
        "v1beta1",
        "endpointslices",
        "EndpointSlice",
        21,
        25,
        "discovery.k8s.io/v1");
    row("events.k8s.io", "v1beta1", "events", "Event", 22, 25, "events.k8s.io/v1");
    row(
        "autoscaling",
        "v2beta1",
        "horizontalpodautoscalers",
        "HorizontalPodAutoscaler",
        22,
        25,
        "autoscaling/v2");
    row("policy", "v1beta1", "poddisruptionbudgets", "PodDisruptionBudget", 21, 25, "policy/v1");
    row(
        "policy",
        "v1beta1",
        "podsecuritypolicies",
        "PodSecurityPolicy",
        21,
        25,
        "Pod Security Admission (no replacement API)");
    row("node.k8s.io", "v1beta1", "runtimeclasses", "RuntimeClass", 22, 25, "node.k8s.io/v1");
    // v1.26
    row(
        "autoscaling",
        "v2beta2",
        "horizontalpodautoscalers",
        "HorizontalPodAutoscaler",
        23,
        26,
        "autoscaling/v2");
    flowcontrol("v1beta1", 23, 26);
    // v1.27
    row(
        "storage.k8s.io",
        "v1beta1",
        "csistoragecapacities",
        "CSIStorageCapacity",
        24,
        27,
        "storage.k8s.io/v1");
    // v1.29, v1.32
    flowcontrol("v1beta2", 26, 29);
    flowcontrol("v1beta3", 29, 32);
    // deprecated without a removal release
    ROWS.add(
        new ApiRemoval(
            "",
            "v1",
            "endpoints",
            "Endpoints",
            new KubeMinor(1, 33),
            null,
            "discovery.k8s.io/v1 EndpointSlice"));
  }

  private ApiRemovals() {}

  private static void flowcontrol(String version, int deprecated, int removed) {
    String g = "flowcontrol.apiserver.k8s.io";
    row(g, version, "flowschemas", "FlowSchema", deprecated, removed, g + "/v1");
    row(
        g,
        version,
        "prioritylevelconfigurations",
        "PriorityLevelConfiguration",
        deprecated,
        removed,
        g + "/v1");
  }

  private static void row(
      String group,
      String version,
      String resource,
      String kind,
      int deprecated,
      int removed,
      String replacement) {
    ROWS.add(
        new ApiRemoval(
            group,
            version,
            resource,
            kind,
            new KubeMinor(1, deprecated),
            new KubeMinor(1, removed),
            replacement));
  }

  /** Every row, in release order. */
  public static List<ApiRemoval> all() {
    return List.copyOf(ROWS);
  }

  /** The row of a resource in an API version ({@code group} "" for the core group). */
  public static Optional<ApiRemoval> find(String group, String version, String resource) {
    return ROWS.stream()
        .filter(
            r ->
                r.group().equals(group)
                    && r.version().equals(version)
                    && r.resource().equals(resource))
        .findFirst();
  }

  /** The rows of a group version (what a served group version implies). */
  public static List<ApiRemoval> ofGroupVersion(String group, String version) {
    return ROWS.stream()
        .filter(r -> r.group().equals(group) && r.version().equals(version))
        .toList();
  }
}
