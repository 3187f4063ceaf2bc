package io.kubeward.backup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.backup.domain.ResourceSelection.ApiResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceSelectionTest {

  private static final List<String> RW = List.of("get", "list", "watch", "create");

  private static ApiResource core(String plural, String kind, boolean namespaced) {
    return new ApiResource("", "v1", plural, kind.toLowerCase(), kind, namespaced, List.of(), RW);
  }

  private static final ApiResource CONFIGMAPS =
      new ApiResource("", "v1", "configmaps", "configmap", "ConfigMap", true, List.of("cm"), RW);
  private static final ApiResource SECRETS = core("secrets", "Secret", true);
  private static final ApiResource EVENTS = core("events", "Event", true);
  private static final ApiResource NAMESPACES = core("namespaces", "Namespace", false);
  private static final ApiResource PVS = core("persistentvolumes", "PersistentVolume", false);
  private static final ApiResource DEPLOYMENTS =
      new ApiResource(
          "apps", "v1", "deployments", "deployment", "Deployment", true, List.of("deploy"), RW);
  private static final ApiResource WIDGETS =
      new ApiResource("example.com", "v1", "widgets", "widget", "Widget", true, List.of(), RW);
  private static final ApiResource CRDS =
      new ApiResource(
          "apiextensions.k8s.io",
          "v1",
          "customresourcedefinitions",
          "customresourcedefinition",
          "CustomResourceDefinition",
          false,
          List.of("crd"),
          RW);
  private static final ApiResource BACKUPS =
      new ApiResource(
          "kubeward.io", "v1alpha1", "backups", "backup", "Backup", true, List.of("kbak"), RW);
  private static final ApiResource REVIEWS =
      new ApiResource(
          "authorization.k8s.io",
          "v1",
          "selfsubjectaccessreviews",
          "",
          "SelfSubjectAccessReview",
          false,
          List.of(),
          List.of("create"));

  private static final List<ApiResource> ALL =
      List.of(
          CONFIGMAPS,
          SECRETS,
          EVENTS,
          NAMESPACES,
          PVS,
          DEPLOYMENTS,
          WIDGETS,
          CRDS,
          BACKUPS,
          REVIEWS);

  private static BackupScope scope(
      List<String> namespaces,
      List<String> resources,
      Boolean cluster,
      Boolean custom,
      Boolean secrets) {
    return new BackupScope(namespaces, null, resources, null, null, cluster, custom, secrets);
  }

  @Test
  void everythingButSecretsEventsAndKubewardsOwnKindsByDefault() {
    assertThat(ResourceSelection.select(ALL, scope(null, null, null, null, null)))
        .containsExactly(CONFIGMAPS, NAMESPACES, PVS, DEPLOYMENTS, WIDGETS, CRDS);
  }

  @Test
  void namespacesLeaveClusterResourcesOutUnlessAsked() {
    assertThat(ResourceSelection.select(ALL, scope(List.of("shop"), null, null, null, true)))
        .containsExactly(CONFIGMAPS, SECRETS, DEPLOYMENTS, WIDGETS);
    assertThat(ResourceSelection.select(ALL, scope(List.of("shop"), null, true, false, null)))
        .containsExactly(CONFIGMAPS, NAMESPACES, PVS, DEPLOYMENTS);
  }

  @Test
  void resourcesAreNamedAsKubectlNamesThem() {
    assertThat(
            ResourceSelection.select(
                ALL,
                scope(
                    null,
                    List.of("deploy", "configmaps", "widgets.example.com", "secrets"),
                    null,
                    null,
                    null)))
        .containsExactly(CONFIGMAPS, DEPLOYMENTS, WIDGETS); // Secrets only when asked
    assertThat(ResourceSelection.select(ALL, scope(null, List.of("events"), null, null, null)))
        .containsExactly(EVENTS);
    assertThat(
            ResourceSelection.select(
                ALL,
                new BackupScope(
                    null, null, null, List.of("deployments.apps", "cm"), null, false, false, null)))
        .isEmpty();
  }

  @Test
  void excludedNamespacesAreNotTaken() {
    BackupScope s =
        new BackupScope(null, List.of("kube-system"), null, null, null, null, null, null);
    assertThat(ResourceSelection.takesNamespace("kube-system", s)).isFalse();
    assertThat(ResourceSelection.takesNamespace("shop", s)).isTrue();
  }
}
