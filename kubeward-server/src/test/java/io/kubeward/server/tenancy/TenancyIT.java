package io.kubeward.server.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.Kubectl;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Team spaces, the quota violation preview and the NetworkPolicy view of a pod through the REST API
 * on the local control plane, read back from the apiserver: every object of a team space exists,
 * its RoleBinding lets the team's user create pods (kubectl auth can-i), its Pod Security labels
 * make the apiserver refuse a privileged pod; a refused team space leaves no namespace.
 */
@LocalControlPlane
class TenancyIT {

  private static final String CLUSTER = "local";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;
  private static Path kubeconfig;
  private static final List<String> created = new ArrayList<>();

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    kubeconfig = controlPlane.kubeconfig();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"));
    admin = server.admin();
    await()
        .atMost(DEADLINE)
        .until(() -> admin.get("/api/v1/clusters/" + CLUSTER + "/overview").completeOverview());
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      for (String ns : created) {
        kube.namespaces().withName(ns).delete();
      }
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aTeamSpaceHasAllItsObjectsItsTeamMayCreatePodsAndPsaRefusesAPrivilegedPod() {
    String ns = "team-" + UUID.randomUUID().toString().substring(0, 8);
    created.add(ns);
    Response response =
        admin.post(
            api("/tenancy/spaces"),
            Map.of("name", ns, "users", List.of("alice"), "groups", List.of("team-a")));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("auditId").asLong()).isPositive();

    Namespace namespace = kube.namespaces().withName(ns).get();
    assertThat(namespace.getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("pod-security.kubernetes.io/warn", "restricted")
        .containsEntry("pod-security.kubernetes.io/audit", "restricted")
        .containsEntry("kubeward.io/team-space", "standard");
    assertThat(
            kube.resourceQuotas().inNamespace(ns).withName("team-quota").get().getSpec().getHard())
        .containsKeys("requests.cpu", "limits.memory", "pods");
    assertThat(kube.limitRanges().inNamespace(ns).withName("team-limits").get()).isNotNull();
    assertThat(
            kube.network().v1().networkPolicies().inNamespace(ns).list().getItems().stream()
                .map(p -> p.getMetadata().getName())
                .toList())
        .containsExactlyInAnyOrder("default-deny", "allow-dns-egress", "allow-same-namespace");
    var binding = kube.rbac().roleBindings().inNamespace(ns).withName("team-edit").get();
    assertThat(binding.getRoleRef().getName()).isEqualTo("edit");

    Kubectl kubectl = new Kubectl(kubeconfig, dir);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        kubectl.run("auth", "can-i", "create", "pods", "-n", ns, "--as", "alice"))
                    .contains("yes"));
    assertThat(
            kubectl.run(
                "auth", "can-i", "create", "pods", "-n", ns, "--as", "bob", "--as-group", "team-a"))
        .contains("yes");

    Pod privileged =
        new PodBuilder()
            .withNewMetadata()
            .withName("root")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage(Workloads.IMAGE)
            .withNewSecurityContext()
            .withPrivileged(true)
            .endSecurityContext()
            .withNewResources()
            .withRequests(Map.of("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m")))
            .endResources()
            .endContainer()
            .endSpec()
            .build();
    assertThatThrownBy(() -> kube.pods().inNamespace(ns).resource(privileged).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("violates PodSecurity")
        .hasMessageContaining("privileged");
    assertThat(kube.pods().inNamespace(ns).list().getItems()).isEmpty();

    Response listed = admin.get(api("/tenancy/spaces"));
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(admin.get(api("/tenancy/spaces")).body())
                    .contains("\"namespace\":\"" + ns + "\""));
  }

  @Test
  void aTeamSpaceTheApiserverRefusesLeavesNoNamespaceBehind() {
    String ns = "team-" + UUID.randomUUID().toString().substring(0, 8);
    created.add(ns);
    // "not-a-quota-resource" passes Kubeward's bounds, the apiserver refuses it in the quota
    Response refused =
        admin.post(
            api("/tenancy/spaces"),
            Map.of(
                "name",
                ns,
                "users",
                List.of("alice"),
                "quota",
                Map.of("not-a-quota-resource", "1")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.problemCode()).isEqualTo("tenancy.create-failed");
    assertThat(refused.json().path("detail").asString()).contains("ResourceQuota/team-quota");
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(kube.namespaces().withName(ns).get()).isNull());

    Response bad =
        admin.post(
            api("/tenancy/spaces"),
            Map.of("name", ns, "users", List.of("alice"), "quota", Map.of("pods", "1e12")));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.problemCode()).isEqualTo("tenancy.invalid");
    assertThat(kube.namespaces().withName(ns).get()).isNull();
  }

  @Test
  void aQuotaPreviewNamesExactlyTheWorkloadThatWouldViolate(TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.withRequests(Workloads.deployment("big", 1, Map.of()), "2", "64Mi"))
        .create();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(
            Workloads.withRequests(Workloads.deployment("small", 1, Map.of()), "100m", "64Mi"))
        .create();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response preview =
                  admin.post(
                      api("/tenancy/namespaces/" + ns + "/quota/preview"),
                      Map.of("hard", Map.of("requests.cpu", "1")));
              assertThat(preview.status()).as(preview.body()).isEqualTo(200);
              assertThat(preview.json().path("podsChecked").asInt()).isEqualTo(2);
              List<String> workloads = new ArrayList<>();
              preview
                  .json()
                  .path("violations")
                  .forEach(v -> workloads.add(v.path("workload").asString()));
              assertThat(workloads).containsExactly("Deployment/big");
              assertThat(preview.json().path("violations").get(0).path("en").asString())
                  .contains("more than the whole new quota 1");
            });

    Response applied =
        admin.put(
            api("/tenancy/namespaces/" + ns + "/quota"),
            Map.of("hard", Map.of("requests.cpu", "4", "pods", "10")));
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(
            kube.resourceQuotas().inNamespace(ns).withName("team-quota").get().getSpec().getHard())
        .containsKeys("requests.cpu", "pods");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode quotas = admin.get(api("/tenancy/quotas?namespace=" + ns)).json();
              assertThat(quotas.size()).isEqualTo(1);
              assertThat(quotas.get(0).path("resources").toString()).contains("\"used\":\"2100m\"");
            });
  }

  @Test
  void theNetworkPolicyViewOfAPodListsThePoliciesThatSelectIt(TestNamespace namespace) {
    String ns = namespace.name();
    kube.pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("web-0")
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage(Workloads.IMAGE)
                .endContainer()
                .endSpec()
                .build())
        .create();
    kube.network()
        .v1()
        .networkPolicies()
        .inNamespace(ns)
        .resource(
            new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("web-from-frontend")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Map.of("app", "web"))
                .endPodSelector()
                .addNewIngress()
                .withFrom(
                    new NetworkPolicyPeerBuilder()
                        .withNewPodSelector()
                        .withMatchLabels(Map.of("role", "frontend"))
                        .endPodSelector()
                        .build())
                .withPorts(new NetworkPolicyPortBuilder().withPort(new IntOrString(8080)).build())
                .endIngress()
                .endSpec()
                .build())
        .create();
    kube.network()
        .v1()
        .networkPolicies()
        .inNamespace(ns)
        .resource(
            new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("db-only")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(Map.of("app", "db"))
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .endSpec()
                .build())
        .create();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response view = admin.get(api("/netpol/namespaces/" + ns + "/pods/web-0"));
              assertThat(view.status()).as(view.body()).isEqualTo(200);
              JsonNode json = view.json();
              assertThat(json.path("selecting").size()).isEqualTo(1);
              assertThat(json.path("selecting").get(0).path("name").asString())
                  .isEqualTo("web-from-frontend");
              assertThat(json.path("notSelecting").get(0).asString()).isEqualTo("db-only");
              assertThat(json.path("ingress").path("isolated").asBoolean()).isTrue();
              assertThat(json.path("ingress").path("denyAll").asBoolean()).isFalse();
              assertThat(json.path("egress").path("isolated").asBoolean()).isFalse();
              assertThat(
                      json.path("ingress")
                          .path("allowed")
                          .get(0)
                          .path("rule")
                          .path("en")
                          .asString())
                  .isEqualTo(
                      "Allows traffic from pods with role=frontend in namespace "
                          + ns
                          + " on ports 8080/TCP.");
            });
  }

  private static String api(String rest) {
    return "/api/v1/clusters/" + CLUSTER + rest;
  }
}
