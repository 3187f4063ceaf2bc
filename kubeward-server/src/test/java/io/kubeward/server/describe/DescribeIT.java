package io.kubeward.server.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Describe through the REST API on the local control plane, cross-checked against {@code kubectl
 * describe} of the same objects for the facts both show: workloads and pods (containers, image,
 * state, restart count, node, conditions, replicas, selector, strategy), Services (endpoints and
 * ports from the EndpointSlices), Ingresses, PVC/PV, Jobs, HPAs and nodes; and the apiserver's 403
 * for a user without read access in the namespace.
 */
@LocalControlPlane
class DescribeIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER + "/describe/";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;
  private static Path kubeconfig;

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
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aDeploymentAndItsPodsAreDescribedAsKubectlDescribesThem(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    kube.configMaps()
        .inNamespace(ns)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("web-config")
                .endMetadata()
                .addToData("mode", "fast")
                .build())
        .create();
    kube.secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("web-db")
                .endMetadata()
                .addToStringData("password", "s3cr3t-value")
                .build())
        .create();
    Deployment deployment = Workloads.deployment("web", 2, Map.of());
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    container.setEnv(
        List.of(
            new io.fabric8.kubernetes.api.model.EnvVarBuilder()
                .withName("DB_PASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName("web-db")
                .withKey("password")
                .endSecretKeyRef()
                .endValueFrom()
                .build()));
    container.setVolumeMounts(
        List.of(
            new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
                .withName("config")
                .withMountPath("/etc/web")
                .build()));
    deployment
        .getSpec()
        .getTemplate()
        .getSpec()
        .setVolumes(
            List.of(
                new io.fabric8.kubernetes.api.model.VolumeBuilder()
                    .withName("config")
                    .withNewConfigMap()
                    .withName("web-config")
                    .endConfigMap()
                    .build()));
    kube.apps().deployments().inNamespace(ns).resource(deployment).create();
    await()
        .atMost(DEADLINE)
        .until(
            () -> {
              Deployment d = kube.apps().deployments().inNamespace(ns).withName("web").get();
              return d.getStatus() != null
                  && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas());
            });

    // the Deployment: replicas, selector, strategy, its ReplicaSet and pods as related objects
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode d = describe("Deployment", ns, "web");
              assertThat(related(d, "pod")).hasSize(2);
              assertThat(related(d, "replicaset")).hasSize(1);
            });
    JsonNode described = describe("deployments", ns, "web");
    String kubectl = kubectl("describe", "deployment", "web", "-n", ns);
    assertThat(row(described, "Metadata", "Replicas")).isEqualTo(field(kubectl, "Replicas"));
    assertThat(row(described, "Metadata", "Selector")).isEqualTo(field(kubectl, "Selector"));
    assertThat(row(described, "Metadata", "StrategyType"))
        .isEqualTo(field(kubectl, "StrategyType"));
    assertThat(row(described, "Metadata", "RollingUpdateStrategy"))
        .isEqualTo(field(kubectl, "RollingUpdateStrategy"));
    assertThat(kubectl).contains(related(described, "replicaset").get(0));
    assertThat(related(described, "configmap")).containsExactly("web-config");
    assertThat(related(described, "secret")).containsExactly("web-db");
    assertThat(described.toString()).doesNotContain("s3cr3t-value");

    // one of its pods: node, image, state, restart count, ready, conditions, owner chain
    Pod pod = kube.pods().inNamespace(ns).withLabel("app", "web").list().getItems().get(0);
    String name = pod.getMetadata().getName();
    JsonNode p = describe("Pod", ns, name);
    String kp = kubectl("describe", "pod", name, "-n", ns);
    assertThat(row(p, "Metadata", "Node")).isEqualTo(field(kp, "Node"));
    assertThat(row(p, "Metadata", "Status")).isEqualTo(field(kp, "Status"));
    assertThat(row(p, "Metadata", "IP")).isEqualTo(field(kp, "IP"));
    assertThat(row(p, "Metadata", "QoS Class")).isEqualTo(field(kp, "QoS Class"));
    assertThat(row(p, "Metadata", "Controlled By")).isEqualTo(field(kp, "Controlled By"));
    assertThat(cells(p, "Containers", "Containers", "Image"))
        .containsExactly(indented(kp, "Image"));
    assertThat(cells(p, "Containers", "Containers", "Restart Count"))
        .containsExactly(indented(kp, "Restart Count"));
    assertThat(cells(p, "Containers", "Containers", "Ready"))
        .containsExactly(indented(kp, "Ready"));
    assertThat(cells(p, "Containers", "Containers", "State").get(0))
        .startsWith(indented(kp, "State"));
    assertThat(cells(p, "Containers", "Containers", "Environment").get(0))
        .isEqualTo("DB_PASSWORD <set to the key 'password' in secret 'web-db'>");
    assertThat(kp).contains("<set to the key 'password' in secret 'web-db'>");
    Set<String> conditionTypes = new HashSet<>(cells(p, "Conditions", "Conditions", "Type"));
    for (String type : conditionTypes) {
      assertThat(kp).containsPattern("(?m)^\\s+" + Pattern.quote(type) + "\\s+True");
    }
    assertThat(related(p, "owner")).containsExactly(related(described, "replicaset").get(0), "web");
    assertThat(related(p, "node")).containsExactly(pod.getSpec().getNodeName());
    assertThat(p.path("status").asString()).isEqualTo("Running");
  }

  @Test
  void aCrashLoopingPodShowsItsWaitingStateAndRestartsAsKubectlDoes(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    kube.pods()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata()
                .withName("crasher")
                .addToLabels("sim.kubeward.io/state", "CrashLoopBackOff")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage(Workloads.IMAGE)
                .endContainer()
                .endSpec()
                .build())
        .create();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        cells(describe("Pod", ns, "crasher"), "Containers", "Containers", "State"))
                    .containsExactly("Waiting (CrashLoopBackOff)"));
    // restarts grow: the same count on both sides of one kubectl reading
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              String before =
                  cells(describe("Pod", ns, "crasher"), "Containers", "Containers", "Restart Count")
                      .get(0);
              String kp = kubectl("describe", "pod", "crasher", "-n", ns);
              String after =
                  cells(describe("Pod", ns, "crasher"), "Containers", "Containers", "Restart Count")
                      .get(0);
              assertThat(before).isEqualTo(after);
              assertThat(indented(kp, "Restart Count")).isEqualTo(before);
              assertThat(indented(kp, "Reason")).isEqualTo("CrashLoopBackOff");
            });
  }

  @Test
  void aServiceShowsItsEndpointsAndPortsAndAnIngressItsBackends(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("api", 2, Map.of()))
        .create();
    kube.services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "api")
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withTargetPort(new IntOrString(8080))
                .endPort()
                .endSpec()
                .build())
        .create();
    kube.network()
        .v1()
        .ingresses()
        .inNamespace(ns)
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .addNewTl()
                .withHosts("api.example.com")
                .withSecretName("api-tls")
                .endTl()
                .addNewRule()
                .withHost("api.example.com")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName("api")
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build())
        .create();

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              JsonNode s = describe("svc", ns, "api");
              assertThat(row(s, "Endpoints", "Ready Addresses").split(", ")).hasSize(2);
              assertThat(related(s, "pod")).hasSize(2);
              assertThat(related(s, "endpointslice")).isNotEmpty();
            });
    JsonNode s = describe("Service", ns, "api");
    String ks = kubectl("describe", "service", "api", "-n", ns);
    assertThat(row(s, "Metadata", "IP")).isEqualTo(field(ks, "IP"));
    assertThat(row(s, "Metadata", "Type")).isEqualTo(field(ks, "Type"));
    assertThat(row(s, "Metadata", "Selector")).isEqualTo(field(ks, "Selector"));
    assertThat(cells(s, "Ports", "Ports", "TargetPort")).containsExactly("8080");
    assertThat(field(ks, "TargetPort")).isEqualTo("8080/TCP");
    assertThat(field(ks, "Port")).isEqualTo("http  80/TCP");
    // kubectl: "Endpoints: 10.0.0.1:8080,10.0.0.2:8080"
    Set<String> kubectlAddresses = new HashSet<>();
    for (String endpoint : field(ks, "Endpoints").split(",")) {
      kubectlAddresses.add(endpoint.substring(0, endpoint.lastIndexOf(':')));
    }
    assertThat(Set.of(row(s, "Endpoints", "Ready Addresses").split(", ")))
        .isEqualTo(kubectlAddresses);

    JsonNode i = describe("ing", ns, "api");
    String ki = kubectl("describe", "ingress", "api", "-n", ns);
    assertThat(cells(i, "Rules", "Rules", "Backend")).containsExactly("api:80");
    assertThat(ki).containsPattern("/\\s+api:80 \\(");
    assertThat(cells(i, "TLS", "TLS", "Secret")).containsExactly("api-tls");
    assertThat(ki).contains("api-tls terminates api.example.com");
    assertThat(related(i, "service")).containsExactly("api");
    assertThat(related(i, "secret")).containsExactly("api-tls");
  }

  @Test
  void storageJobsHpasAndNodesAreDescribedAsKubectlDescribesThem(TestNamespace namespace)
      throws Exception {
    String ns = namespace.name();
    String pv = ns + "-pv";
    kube.persistentVolumes()
        .resource(
            new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName(pv)
                .endMetadata()
                .withNewSpec()
                .withStorageClassName("manual")
                .withAccessModes("ReadWriteOnce")
                .withCapacity(Map.of("storage", new Quantity("1Gi")))
                .withNewHostPath()
                .withPath("/tmp/" + pv)
                .endHostPath()
                .endSpec()
                .build())
        .create();
    try {
      kube.persistentVolumeClaims()
          .inNamespace(ns)
          .resource(
              new PersistentVolumeClaimBuilder()
                  .withNewMetadata()
                  .withName("data")
                  .endMetadata()
                  .withNewSpec()
                  .withStorageClassName("manual")
                  .withVolumeName(pv)
                  .withAccessModes("ReadWriteOnce")
                  .withNewResources()
                  .addToRequests("storage", new Quantity("1Gi"))
                  .endResources()
                  .endSpec()
                  .build())
          .create();
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(describe("pvc", ns, "data").path("status").asString())
                      .isEqualTo("Bound"));
      JsonNode c = describe("PersistentVolumeClaim", ns, "data");
      String kc = kubectl("describe", "pvc", "data", "-n", ns);
      assertThat(row(c, "Metadata", "Volume")).isEqualTo(field(kc, "Volume"));
      assertThat(row(c, "Metadata", "StorageClass")).isEqualTo(field(kc, "StorageClass"));
      assertThat(row(c, "Metadata", "Capacity")).isEqualTo(field(kc, "Capacity"));
      assertThat(row(c, "Metadata", "Access Modes")).isEqualTo(field(kc, "Access Modes"));
      assertThat(related(c, "pv")).containsExactly(pv);
      assertThat(related(c, "storageclass")).containsExactly("manual");
      JsonNode v = describe("pv", null, pv);
      String kv = kubectl("describe", "pv", pv);
      assertThat(row(v, "Metadata", "Claim")).isEqualTo(field(kv, "Claim"));
      assertThat(row(v, "Metadata", "Reclaim Policy")).isEqualTo(field(kv, "Reclaim Policy"));
      assertThat(row(v, "Metadata", "Status")).isEqualTo(field(kv, "Status"));
      assertThat(related(v, "pvc")).containsExactly("data");
    } finally {
      kube.persistentVolumes().withName(pv).delete();
    }

    kube.batch()
        .v1()
        .jobs()
        .inNamespace(ns)
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName("report")
                .endMetadata()
                .withNewSpec()
                .withParallelism(2)
                .withCompletions(4)
                .withBackoffLimit(3)
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("report")
                .withImage(Workloads.IMAGE)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    JsonNode j = describe("Job", ns, "report");
    String kj = kubectl("describe", "job", "report", "-n", ns);
    assertThat(row(j, "Metadata", "Parallelism")).isEqualTo(field(kj, "Parallelism"));
    assertThat(row(j, "Metadata", "Completions")).isEqualTo(field(kj, "Completions"));
    assertThat(row(j, "Metadata", "Completion Mode")).isEqualTo(field(kj, "Completion Mode"));
    assertThat(row(j, "Metadata", "Selector")).isEqualTo(field(kj, "Selector"));

    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("scaled", 1, Map.of()))
        .create();
    kube.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .resource(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("scaled")
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName("scaled")
                .endScaleTargetRef()
                .withMinReplicas(1)
                .withMaxReplicas(5)
                .endSpec()
                .build())
        .create();
    JsonNode h = describe("hpa", ns, "scaled");
    String kh = kubectl("describe", "hpa", "scaled", "-n", ns);
    assertThat(row(h, "Metadata", "Reference")).isEqualTo(field(kh, "Reference"));
    assertThat(row(h, "Metadata", "Min replicas")).isEqualTo(field(kh, "Min replicas"));
    assertThat(row(h, "Metadata", "Max replicas")).isEqualTo(field(kh, "Max replicas"));
    assertThat(related(h, "target")).containsExactly("scaled");

    String node = kube.nodes().list().getItems().get(0).getMetadata().getName();
    JsonNode n = describe("Node", null, node);
    String kn = kubectl("describe", "node", node);
    assertThat(row(n, "Metadata", "Roles")).isEqualTo(field(kn, "Roles"));
    assertThat(row(n, "Metadata", "Unschedulable")).isEqualTo(field(kn, "Unschedulable"));
    assertThat(row(n, "Metadata", "Taints")).isEqualTo(field(kn, "Taints"));
    for (String type : cells(n, "Conditions", "Conditions", "Type")) {
      assertThat(kn)
          .containsPattern("(?m)^\\s+" + Pattern.quote(type) + "\\s+(True|False|Unknown)");
    }
    assertThat(row(n, "System Info", "Kubelet Version")).isEqualTo(indented(kn, "Kubelet Version"));
  }

  @Test
  void aUserWithoutReadAccessGetsTheApiserversRefusalAndBadRequestsAProblem(
      TestNamespace namespace) {
    String ns = namespace.name();
    kube.apps()
        .deployments()
        .inNamespace(ns)
        .resource(Workloads.deployment("hidden", 1, Map.of()))
        .create();
    Session outsider =
        server.newUser(
            "describe-outsider",
            List.of(Map.of("role", "viewer", "cluster", CLUSTER, "namespace", "default")));

    Response denied = outsider.get(C + "Deployment/hidden?namespace=" + ns);
    assertThat(denied.status()).as(denied.body()).isEqualTo(403);
    assertThat(denied.problemCode()).isEqualTo("resource.forbidden");
    assertThat(denied.json().path("detail").asString()).contains("describe-outsider");

    Response unknown = admin.get(C + "Secret/anything?namespace=" + ns);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.problemCode()).isEqualTo("describe.unsupported-kind");
    assertThat(unknown.json().path("detail").asString())
        .contains("Deployment", "HorizontalPodAutoscaler");
    Response missing = admin.get(C + "Deployment/nothing-here?namespace=" + ns);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.problemCode()).isEqualTo("resource.not-found");
  }

  // --- helpers ---

  private static JsonNode describe(String kind, String namespace, String name) {
    Response response =
        admin.get(C + kind + "/" + name + (namespace == null ? "" : "?namespace=" + namespace));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String row(JsonNode description, String section, String key) {
    for (JsonNode s : description.path("sections")) {
      if (s.path("title").asString().equals(section)) {
        for (JsonNode r : s.path("rows")) {
          if (r.path("key").asString().equals(key)) {
            return r.path("value").asString();
          }
        }
      }
    }
    throw new AssertionError("no row " + key + " in " + section + ": " + description);
  }

  private static List<String> cells(
      JsonNode description, String section, String table, String column) {
    for (JsonNode s : description.path("sections")) {
      if (!s.path("title").asString().equals(section)) {
        continue;
      }
      for (JsonNode t : s.path("tables")) {
        if (!t.path("title").asString().equals(table)) {
          continue;
        }
        int index = -1;
        for (int i = 0; i < t.path("columns").size(); i++) {
          if (t.path("columns").get(i).asString().equals(column)) {
            index = i;
          }
        }
        List<String> values = new ArrayList<>();
        for (JsonNode row : t.path("rows")) {
          values.add(row.get(index).asString());
        }
        return values;
      }
    }
    throw new AssertionError("no table " + table + " in " + section + ": " + description);
  }

  private static List<String> related(JsonNode description, String relation) {
    List<String> names = new ArrayList<>();
    for (JsonNode r : description.path("related")) {
      if (r.path("relation").asString().equals(relation)) {
        names.add(r.path("ref").path("name").asString());
      }
    }
    return names;
  }

  /** A top-level {@code Key: value} line of kubectl describe. */
  static String field(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ":[ \\t]*(.*?)\\s*$").matcher(out);
    if (!m.find()) {
      throw new AssertionError("kubectl shows no " + key + ":\n" + out);
    }
    return m.group(1);
  }

  /** The first indented {@code Key: value} line (a container's). */
  static String indented(String out, String key) {
    Matcher m =
        Pattern.compile("(?m)^\\s+" + Pattern.quote(key) + ":[ \\t]*(.*?)\\s*$").matcher(out);
    if (!m.find()) {
      throw new AssertionError("kubectl shows no indented " + key + ":\n" + out);
    }
    return m.group(1);
  }

  private static String kubectl(String... args) {
    return new io.kubeward.testkit.Kubectl(kubeconfig, dir).run(args);
  }
}
