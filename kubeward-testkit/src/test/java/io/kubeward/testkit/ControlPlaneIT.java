package io.kubeward.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kubeward.testkit.controlplane.Component;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proves that the local control plane is a real Kubernetes: scheduling, PDBs, SSA, CRDs, RBAC. */
@LocalControlPlane
class ControlPlaneIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void deploymentGetsItsPodsRunningOnFakeNodes(KubernetesClient client, TestNamespace ns) {
    client.apps().deployments().inNamespace(ns.name()).resource(deployment("web", 3)).create();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(runningPods(client, ns, "web"))
                    .hasSize(3)
                    .allSatisfy(
                        pod -> assertThat(pod.getSpec().getNodeName()).startsWith("kwok-")));
    List<String> fakeNodes =
        client.nodes().list().getItems().stream()
            .filter(
                n ->
                    "fake"
                        .equals(
                            n.getMetadata()
                                .getAnnotations()
                                .get(ControlPlane.KWOK_NODE_ANNOTATION)))
            .map(n -> n.getMetadata().getName())
            .toList();
    assertThat(runningPods(client, ns, "web"))
        .extracting(pod -> pod.getSpec().getNodeName())
        .allMatch(fakeNodes::contains);
  }

  @Test
  void evictionBlockedByPodDisruptionBudgetIsRefusedWith429(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace ns) throws Exception {
    client.apps().deployments().inNamespace(ns.name()).resource(deployment("db", 2)).create();
    client
        .policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns.name())
        .resource(
            new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .withNewSpec()
                .withNewMinAvailable(2)
                .withNewSelector()
                .addToMatchLabels("app", "db")
                .endSelector()
                .endSpec()
                .build())
        .create();
    await().atMost(DEADLINE).until(() -> runningPods(client, ns, "db").size() == 2);
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              var status =
                  client
                      .policy()
                      .v1()
                      .podDisruptionBudget()
                      .inNamespace(ns.name())
                      .withName("db")
                      .get()
                      .getStatus();
              return status != null && status.getCurrentHealthy() == 2;
            });
    String pod = runningPods(client, ns, "db").getFirst().getMetadata().getName();

    HttpResponse<String> response = postEviction(controlPlane, client, ns.name(), pod);

    assertThat(response.code()).isEqualTo(429);
    assertThat(response.body()).contains("disruption budget");
    assertThat(client.pods().inNamespace(ns.name()).withName(pod).get().getMetadata())
        .extracting(m -> m.getDeletionTimestamp())
        .isNull();
  }

  @Test
  void conflictingServerSideApplyBySecondManagerIsRejected(
      KubernetesClient client, TestNamespace ns) {
    client
        .configMaps()
        .inNamespace(ns.name())
        .resource(configMap("owner-a"))
        .fieldManager("manager-a")
        .serverSideApply();

    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace(ns.name())
                    .resource(configMap("owner-b"))
                    .fieldManager("manager-b")
                    .serverSideApply())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(409);
              assertThat(e.getMessage()).contains("conflict").contains("manager-a");
            });
    assertThat(client.configMaps().inNamespace(ns.name()).withName("settings").get().getData())
        .containsEntry("owner", "owner-a");
  }

  @Test
  void customResourceDefinitionCanBeInstalledAndUsed(KubernetesClient client, TestNamespace ns) {
    String group = "testkit.kubeward.io";
    String plural = "widgets";
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName(plural + "." + group)
            .endMetadata()
            .withNewSpec()
            .withGroup(group)
            .withScope("Namespaced")
            .withNewNames()
            .withPlural(plural)
            .withSingular("widget")
            .withKind("Widget")
            .endNames()
            .addNewVersion()
            .withName("v1")
            .withServed(true)
            .withStorage(true)
            .withNewSchema()
            .withNewOpenAPIV3Schema()
            .withType("object")
            .withXKubernetesPreserveUnknownFields(true)
            .endOpenAPIV3Schema()
            .endSchema()
            .endVersion()
            .endSpec()
            .build();
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    try {
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  client
                      .apiextensions()
                      .v1()
                      .customResourceDefinitions()
                      .withName(crd.getMetadata().getName())
                      .get()
                      .getStatus()
                      .getConditions()
                      .stream()
                      .anyMatch(
                          c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())));
      ResourceDefinitionContext context =
          new ResourceDefinitionContext.Builder()
              .withGroup(group)
              .withVersion("v1")
              .withPlural(plural)
              .withKind(crd.getSpec().getNames().getKind())
              .withNamespaced(true)
              .build();
      GenericKubernetesResource widget =
          new GenericKubernetesResourceBuilder()
              .withApiVersion(group + "/v1")
              .withKind(crd.getSpec().getNames().getKind())
              .withNewMetadata()
              .withName("first")
              .endMetadata()
              .withAdditionalProperties(Map.of("spec", Map.of("size", 3)))
              .build();
      await()
          .atMost(DEADLINE)
          .ignoreExceptions()
          .until(
              () ->
                  client
                          .genericKubernetesResources(context)
                          .inNamespace(ns.name())
                          .resource(widget)
                          .create()
                      != null);

      GenericKubernetesResource read =
          client.genericKubernetesResources(context).inNamespace(ns.name()).withName("first").get();
      assertThat(read.<Integer>get("spec", "size")).isEqualTo(3);
    } finally {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).delete();
    }
  }

  @Test
  void rbacDeniesServiceAccountWithoutPermissionAndAllowsWhatIsGranted(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace ns) {
    client.serviceAccounts().inNamespace(ns.name()).resource(serviceAccount("reader")).create();
    client
        .rbac()
        .roles()
        .inNamespace(ns.name())
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("configmap-reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("configmaps")
                .withVerbs("get", "list")
                .endRule()
                .build())
        .create();
    client
        .rbac()
        .roleBindings()
        .inNamespace(ns.name())
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("reader")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "configmap-reader")
                .addNewSubject()
                .withKind("ServiceAccount")
                .withName("reader")
                .withNamespace(ns.name())
                .endSubject()
                .build())
        .create();
    String token =
        client
            .serviceAccounts()
            .inNamespace(ns.name())
            .withName("reader")
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    Config config = new ConfigBuilder(controlPlane.clientConfig()).withOauthToken(token).build();

    try (KubernetesClient reader = new KubernetesClientBuilder().withConfig(config).build()) {
      assertThatThrownBy(() -> reader.pods().inNamespace(ns.name()).list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class,
              e -> {
                assertThat(e.getCode()).isEqualTo(403);
                assertThat(e.getMessage())
                    .contains("system:serviceaccount:" + ns.name() + ":reader")
                    .contains("cannot list resource \"pods\"");
              });
      assertThat(reader.configMaps().inNamespace(ns.name()).list().getItems()).isNotNull();
    }
  }

  @Test
  void restartedApiServerServesTheSameStateOnTheSamePort(
      ControlPlane controlPlane, KubernetesClient client, TestNamespace ns) {
    client.configMaps().inNamespace(ns.name()).resource(configMap("before-restart")).create();
    int port = controlPlane.port(Component.KUBE_APISERVER);
    long pid = controlPlane.pid(Component.KUBE_APISERVER);

    controlPlane.restartComponent(Component.KUBE_APISERVER);

    assertThat(controlPlane.port(Component.KUBE_APISERVER)).isEqualTo(port);
    assertThat(controlPlane.pid(Component.KUBE_APISERVER)).isNotEqualTo(pid);
    assertThat(ProcessHandle.of(pid)).isEmpty();
    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .configMaps()
                            .inNamespace(ns.name())
                            .withName("settings")
                            .get()
                            .getData())
                    .containsEntry("owner", "before-restart"));
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static Deployment deployment(String app, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(app)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", app)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", app)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(app)
        .withImage("registry.example/" + app + ":1.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<Pod> runningPods(KubernetesClient client, TestNamespace ns, String app) {
    return client.pods().inNamespace(ns.name()).withLabel("app", app).list().getItems().stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private static ConfigMap configMap(String owner) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("settings")
        .endMetadata()
        .addToData("owner", owner)
        .build();
  }

  private static io.fabric8.kubernetes.api.model.ServiceAccount serviceAccount(String name) {
    return new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .build();
  }

  private static HttpResponse<String> postEviction(
      ControlPlane controlPlane, KubernetesClient client, String namespace, String pod)
      throws Exception {
    String body =
        """
        {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"%s","namespace":"%s"}}
        """
            .formatted(pod, namespace);
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(
                controlPlane.apiServerUrl()
                    + "/api/v1/namespaces/"
                    + namespace
                    + "/pods/"
                    + pod
                    + "/eviction")
            .post("application/json", body)
            .build();
    return client.getHttpClient().sendAsync(request, String.class).get();
  }
}
