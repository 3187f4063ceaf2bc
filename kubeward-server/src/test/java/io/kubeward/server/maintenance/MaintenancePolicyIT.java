package io.kubeward.server.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A NodeMaintenance is carried out with Kubeward's rights, so the admission policy of {@code
 * deploy/kubernetes/kubeward-maintenance-policy.yaml} makes sure nobody gets a drain through it
 * that they could not do themselves — also when they create it with kubectl, around Kubeward.
 */
@LocalControlPlane
class MaintenancePolicyIT {

  private static final ResourceDefinitionContext MAINTENANCES =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubeward.io")
          .withVersion("v1alpha1")
          .withKind("NodeMaintenance")
          .withPlural("nodemaintenances")
          .withNamespaced(false)
          .build();

  private static RunningServer server;
  private static KubernetesClient admin;
  private static ControlPlane plane;
  private static String suffix;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    // Kubeward installs the CRD; the test plane's Kubeward account comes with the policy
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=policy");
    admin = controlPlane.newAdminClient();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                established(
                    admin
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName("nodemaintenances.kubeward.io")
                        .get()));
    suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    // may create and patch NodeMaintenances, but neither cordon nor evict
    admin
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName("policy-it-maintainer-" + suffix)
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("kubeward.io")
                        .withResources("nodemaintenances")
                        .withVerbs("get", "list", "create", "patch", "update", "delete")
                        .build())
                .build())
        .create();
    admin
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName("policy-it-maintainer-" + suffix)
                .endMetadata()
                .addNewSubject()
                .withKind("User")
                .withName(maintainer())
                .withApiGroup("rbac.authorization.k8s.io")
                .endSubject()
                .withNewRoleRef()
                .withKind("ClusterRole")
                .withName("policy-it-maintainer-" + suffix)
                .withApiGroup("rbac.authorization.k8s.io")
                .endRoleRef()
                .build())
        .create();
    // an operator of the whole cluster may cordon and evict too
    admin
        .rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName("policy-it-operator-" + suffix)
                .endMetadata()
                .addNewSubject()
                .withKind("User")
                .withName(operator())
                .withApiGroup("rbac.authorization.k8s.io")
                .endSubject()
                .withNewRoleRef()
                .withKind("ClusterRole")
                .withName("cluster-admin")
                .withApiGroup("rbac.authorization.k8s.io")
                .endRoleRef()
                .build())
        .create();
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.rbac().clusterRoleBindings().withName("policy-it-maintainer-" + suffix).delete();
      admin.rbac().clusterRoleBindings().withName("policy-it-operator-" + suffix).delete();
      admin.rbac().clusterRoles().withName("policy-it-maintainer-" + suffix).delete();
      admin.genericKubernetesResources(MAINTENANCES).withLabel("policy-it", suffix).delete();
      // Kubeward's finalizer runs before the server stops
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  admin
                      .genericKubernetesResources(MAINTENANCES)
                      .withLabel("policy-it", suffix)
                      .list()
                      .getItems()
                      .isEmpty());
      admin.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aMaintenanceCreatedAroundKubewardByWhoMayNotDrainIsRefusedByTheCluster() {
    try (KubernetesClient asMaintainer = as(maintainer())) {
      assertThatThrownBy(
              () ->
                  asMaintainer
                      .genericKubernetesResources(MAINTENANCES)
                      .resource(maintenance("sneaky-" + suffix))
                      .create())
          .isInstanceOfSatisfying(
              KubernetesClientException.class,
              e -> {
                assertThat(e.getCode()).isEqualTo(403);
                assertThat(e.getMessage())
                    .contains("kubeward-maintenance-requester-rights")
                    .contains(maintainer())
                    .contains("patch nodes and create pods/eviction");
              });
    }
    assertThat(admin.genericKubernetesResources(MAINTENANCES).withName("sneaky-" + suffix).get())
        .isNull();
  }

  @Test
  void whoMayDrainCreatesItAndWhoMayOnlyPatchItMayCancelItButNotRetargetIt() {
    String name = "allowed-" + suffix;
    try (KubernetesClient asOperator = as(operator())) {
      asOperator.genericKubernetesResources(MAINTENANCES).resource(maintenance(name)).create();
    }
    try (KubernetesClient asMaintainer = as(maintainer())) {
      var maintenance = asMaintainer.genericKubernetesResources(MAINTENANCES).withName(name);
      maintenance.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"cancelled\":true}}");
      Object cancelled =
          admin
              .genericKubernetesResources(MAINTENANCES)
              .withName(name)
              .get()
              .get("spec", "cancelled");
      assertThat(cancelled).isEqualTo(true);

      assertThatThrownBy(
              () ->
                  maintenance.patch(
                      PatchContext.of(PatchType.JSON_MERGE),
                      "{\"spec\":{\"nodes\":[\"" + plane.nodes().get(1).name() + "\"]}}"))
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }

  private static String maintainer() {
    return "kubeward:policy-maintainer-" + suffix;
  }

  private static String operator() {
    return "kubeward:policy-operator-" + suffix;
  }

  /** A client of the admin that impersonates {@code user}, as {@code kubectl --as} does. */
  private static KubernetesClient as(String user) {
    var config = plane.clientConfig();
    config.setImpersonateUsername(user);
    config.setImpersonateGroups("system:authenticated");
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static GenericKubernetesResource maintenance(String name) {
    GenericKubernetesResource resource = new GenericKubernetesResource();
    resource.setApiVersion("kubeward.io/v1alpha1");
    resource.setKind("NodeMaintenance");
    resource.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(name)
            .addToLabels("policy-it", suffix)
            .build());
    resource.setAdditionalProperty(
        "spec",
        java.util.Map.of("nodes", java.util.List.of(plane.nodes().get(0).name()), "paused", true));
    return resource;
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
