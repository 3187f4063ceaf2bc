package io.kubeward.server.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The workload, network, storage and quota rules on the local control plane, through the real
 * diagnostics engine and its REST API (like {@link PodFindingsIT}): each scenario creates the real
 * situation, awaits the finding at {@code GET /api/v1/clusters/{c}/findings} with its explanation
 * and evidence, cross-checks a fact with {@code kubectl describe}, fixes the situation and awaits
 * the finding's resolution ({@code state=resolved}). The rules' graces are zero ({@code
 * kubeward.diagnostics.rules.*}) so that nothing waits for a wall-clock threshold.
 */
@LocalControlPlane
class OpsRulesIT {

  private static final String CLUSTER = "local";
  private static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir static Path dir;
  private static RunningServer server;
  private static Session admin;
  private static ControlPlane plane;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.diagnostics.full-pass-interval=10s",
            "--kubeward.diagnostics.debounce=300ms",
            "--kubeward.diagnostics.rules.deployment-unavailable-grace=0s",
            "--kubeward.diagnostics.rules.workload-not-ready-grace=0s",
            "--kubeward.diagnostics.rules.service-grace=0s",
            "--kubeward.diagnostics.rules.pvc-pending-grace=0s",
            "--kubeward.diagnostics.rules.autoscaler-grace=0s",
            "--kubeward.diagnostics.rules.pdb-grace=0s",
            "--kubeward.diagnostics.rules.unreferenced-min-age=0s");
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** The active findings of a rule about one object ({@code namespace} null: cluster-scoped). */
  private static List<JsonNode> findings(
      String state, String rule, @Nullable String namespace, String name) {
    String query =
        "/api/v1/clusters/"
            + CLUSTER
            + "/findings?state="
            + state
            + "&rule="
            + rule
            + (namespace == null ? "" : "&namespace=" + namespace)
            + "&name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode finding : admin.get(query).json().path("items")) {
      if (finding.path("subject").path("name").asString().equals(name)) {
        out.add(finding);
      }
    }
    return out;
  }

  private static List<JsonNode> active(String rule, @Nullable String namespace, String name) {
    return findings("active", rule, namespace, name);
  }

  private static JsonNode awaitFinding(String rule, @Nullable String namespace, String name) {
    return awaitFinding(rule, namespace, name, f -> true);
  }

  private static JsonNode awaitFinding(
      String rule, @Nullable String namespace, String name, Predicate<JsonNode> until) {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              found.clear();
              active(rule, namespace, name).stream().filter(until).forEach(found::add);
              assertThat(found).as(rule + " for " + name).isNotEmpty();
            });
    return found.getFirst();
  }

  /** No active finding any more, and the resolved one in the history. */
  private static void awaitResolved(String rule, @Nullable String namespace, String name) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(active(rule, namespace, name)).as("active " + rule + " " + name).isEmpty();
              List<JsonNode> resolved = findings("resolved", rule, namespace, name);
              assertThat(resolved).as("resolved " + rule + " " + name).isNotEmpty();
              assertThat(resolved.getFirst().path("resolvedAt").isNull()).isFalse();
            });
  }

  private static String en(JsonNode finding, String field) {
    return finding.path(field).path("en").asString();
  }

  private static String zh(JsonNode finding, String field) {
    return finding.path(field).path("zh").asString();
  }

  private static List<JsonNode> evidence(JsonNode finding) {
    List<JsonNode> out = new ArrayList<>();
    finding.path("evidence").forEach(out::add);
    return out;
  }

  private static List<String> evidenceValues(JsonNode finding) {
    return evidence(finding).stream().map(e -> e.path("value").asString()).toList();
  }

  /** {@code kubectl describe} as the admin, the reference the findings are checked against. */
  private static String kubectlDescribe(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("kubectl", "--kubeconfig", plane.kubeconfig().toString(), "describe"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  private static PodTemplateSpec template(String app, String simulatedState) {
    var labels = new java.util.HashMap<String, String>(Map.of("app", app));
    if (simulatedState != null) {
      labels.put(ControlPlane.SIMULATE_LABEL, simulatedState);
    }
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("registry.example/" + app + ":1.0")
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void aDeploymentWhoseImageNeverPullsIsStuckUntilItsTemplateIsFixed(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    kube.apps()
        .deployments()
        .inNamespace(ns.name())
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withProgressDeadlineSeconds(5)
                .withNewSelector()
                .withMatchLabels(Map.of("app", "web"))
                .endSelector()
                .withTemplate(template("web", "ImagePullBackOff"))
                .endSpec()
                .build())
        .create();
    String rule = "deployment.progress-deadline";

    JsonNode finding = awaitFinding(rule, ns.name(), "web");

    assertThat(finding.path("severity").asString()).isEqualTo("CRITICAL");
    assertThat(en(finding, "explanation")).contains("Deployment web", "no progress", "0 available");
    assertThat(zh(finding, "explanation")).contains("进度期限");
    assertThat(evidence(finding))
        .anySatisfy(
            e -> {
              assertThat(e.path("label").asString()).isEqualTo("Progressing");
              assertThat(e.path("value").asString())
                  .contains("ProgressDeadlineExceeded", "has timed out progressing");
            });
    assertThat(evidence(finding))
        .anySatisfy(e -> assertThat(e.path("label").asString()).startsWith("pod web-"));
    assertThat(kubectlDescribe("deployment", "web", "-n", ns.name()))
        .contains("Progressing", "False", "ProgressDeadlineExceeded");

    kube.apps()
        .deployments()
        .inNamespace(ns.name())
        .withName("web")
        .edit(
            d ->
                new DeploymentBuilder(d)
                    .editSpec()
                    .withTemplate(template("web", null))
                    .endSpec()
                    .build());

    awaitResolved(rule, ns.name(), "web");
  }

  @Test
  void aServiceSelectingNothingAndAnIngressToAMissingServiceOrPort(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    kube.services()
        .inNamespace(ns.name())
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "web"))
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withTargetPort(new IntOrString("http"))
                .endPort()
                .endSpec()
                .build())
        .create();
    kube.network()
        .v1()
        .ingresses()
        .inNamespace(ns.name())
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withName("front")
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withHost("shop.example")
                .withNewHttp()
                .addNewPath()
                .withPath("/api")
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
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName("web")
                .withNewPort()
                .withNumber(8080)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build())
        .create();
    String noPods = "service.no-pods-selected";
    String noEndpoints = "service.no-ready-endpoints";
    String ingressRule = "ingress.missing-backend";

    JsonNode selects = awaitFinding(noPods, ns.name(), "web");
    assertThat(en(selects, "explanation")).contains("selects no pod", "app=web");
    assertThat(evidenceValues(selects)).contains("app=web");
    assertThat(kubectlDescribe("service", "web", "-n", ns.name()))
        .contains("app=web")
        .contains("Endpoints:");

    JsonNode backends = awaitFinding(ingressRule, ns.name(), "front");
    assertThat(en(backends, "explanation"))
        .contains("Service api does not exist", "Service web has no port 8080");
    assertThat(kubectlDescribe("ingress", "front", "-n", ns.name()))
        .contains("services \"api\" not found");

    kube.pods()
        .inNamespace(ns.name())
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("web-0")
                .endMetadata()
                .withSpec(template("web", null).getSpec())
                .editMetadata()
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .build())
        .create();
    awaitResolved(noPods, ns.name(), "web");
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> active(noEndpoints, ns.name(), "web").isEmpty());
    assertThat(active("service.target-port-mismatch", ns.name(), "web")).isEmpty();

    kube.services()
        .inNamespace(ns.name())
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "api"))
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
    kube.network()
        .v1()
        .ingresses()
        .inNamespace(ns.name())
        .withName("front")
        .edit(
            i -> {
              i.getSpec()
                  .getRules()
                  .getFirst()
                  .getHttp()
                  .getPaths()
                  .get(1)
                  .getBackend()
                  .getService()
                  .getPort()
                  .setNumber(80);
              return i;
            });
    awaitResolved(ingressRule, ns.name(), "front");
  }

  @Test
  void aClaimOfAMissingStorageClassIsPendingUntilAVolumeMatchesIt(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    String className = "missing-" + ns.name();
    kube.persistentVolumeClaims()
        .inNamespace(ns.name())
        .resource(
            new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName("data")
                .endMetadata()
                .withNewSpec()
                .withStorageClassName(className)
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources()
                .endSpec()
                .build())
        .create();
    String rule = "pvc.pending";

    JsonNode finding =
        awaitFinding(
            rule,
            ns.name(),
            "data",
            f -> evidence(f).stream().anyMatch(e -> e.path("kind").asString().equals("event")));
    assertThat(en(finding, "explanation"))
        .contains("StorageClass " + className + " does not exist");
    JsonNode event =
        evidence(finding).stream()
            .filter(e -> e.path("kind").asString().equals("event"))
            .findFirst()
            .orElseThrow();
    assertThat(event.path("label").asString()).startsWith("ProvisioningFailed");
    assertThat(kubectlDescribe("pvc", "data", "-n", ns.name()))
        .contains(
            "ProvisioningFailed", "storageclass.storage.k8s.io \"" + className + "\" not found");

    String volume = "pv-" + ns.name();
    kube.persistentVolumes()
        .resource(
            new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName(volume)
                .endMetadata()
                .withNewSpec()
                .withStorageClassName(className)
                .withAccessModes("ReadWriteOnce")
                .withCapacity(Map.of("storage", new Quantity("1Gi")))
                .withNewHostPath()
                .withPath("/tmp/" + volume)
                .endHostPath()
                .endSpec()
                .build())
        .create();
    try {
      awaitResolved(rule, ns.name(), "data");
      assertThat(
              kube.persistentVolumeClaims()
                  .inNamespace(ns.name())
                  .withName("data")
                  .get()
                  .getStatus()
                  .getPhase())
          .isEqualTo("Bound");
    } finally {
      kube.persistentVolumes().withName(volume).delete();
    }
  }

  @Test
  void aQuotaAtItsLimitIsCriticalUntilItIsRaised(KubernetesClient kube, TestNamespace ns)
      throws Exception {
    kube.resourceQuotas()
        .inNamespace(ns.name())
        .resource(
            new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("compute")
                .endMetadata()
                .withNewSpec()
                .withHard(Map.of("pods", new Quantity("1"), "services", new Quantity("10")))
                .endSpec()
                .build())
        .create();
    kube.pods()
        .inNamespace(ns.name())
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("only")
                .endMetadata()
                .withSpec(template("x", null).getSpec())
                .build())
        .create();
    String rule = "quota.near-limit";

    JsonNode finding = awaitFinding(rule, ns.name(), "compute");

    assertThat(finding.path("severity").asString()).isEqualTo("CRITICAL");
    assertThat(en(finding, "explanation")).contains("at its limit for pods");
    assertThat(evidence(finding))
        .anySatisfy(
            e -> {
              assertThat(e.path("label").asString()).isEqualTo("pods (used / hard)");
              assertThat(e.path("value").asString()).isEqualTo("1 / 1 (100%)");
            });
    assertThat(kubectlDescribe("resourcequota", "compute", "-n", ns.name()))
        .containsPattern("pods\\s+1\\s+1");

    kube.resourceQuotas()
        .inNamespace(ns.name())
        .withName("compute")
        .edit(
            q -> {
              q.getSpec().getHard().put("pods", new Quantity("10"));
              return q;
            });
    awaitResolved(rule, ns.name(), "compute");
  }

  @Test
  void aJobPastItsDeadlineFailsAndAHealthyOneDoesNot(KubernetesClient kube, TestNamespace ns)
      throws Exception {
    kube.batch()
        .v1()
        .jobs()
        .inNamespace(ns.name())
        .resource(job("migrate", "ImagePullBackOff"))
        .create();
    String rule = "job.failed";

    JsonNode finding = awaitFinding(rule, ns.name(), "migrate");

    assertThat(en(finding, "explanation")).contains("Job migrate failed", "activeDeadlineSeconds");
    assertThat(evidence(finding).getFirst().path("value").asString()).contains("DeadlineExceeded");
    assertThat(kubectlDescribe("job", "migrate", "-n", ns.name())).contains("DeadlineExceeded");

    kube.batch()
        .v1()
        .jobs()
        .inNamespace(ns.name())
        .withName("migrate")
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
        .delete();
    await()
        .atMost(WAIT)
        .until(
            () ->
                kube.batch().v1().jobs().inNamespace(ns.name()).withName("migrate").get() == null);
    awaitResolved(rule, ns.name(), "migrate");
    kube.batch().v1().jobs().inNamespace(ns.name()).resource(job("migrate", null)).create();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var job = kube.batch().v1().jobs().inNamespace(ns.name()).withName("migrate").get();
              return job != null
                  && job.getStatus() != null
                  && job.getStatus().getSucceeded() != null
                  && job.getStatus().getSucceeded() > 0;
            });
    assertThat(active(rule, ns.name(), "migrate")).isEmpty();
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(
      String name, int replicas, String state) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(Map.of("app", name))
        .endSelector()
        .withTemplate(template(name, state))
        .endSpec()
        .build();
  }

  @Test
  void aQuotaThatRefusesPodsIsNamedOnTheReplicaSetAndTheDeploymentIsUnavailable(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    kube.resourceQuotas()
        .inNamespace(ns.name())
        .resource(
            new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("compute")
                .endMetadata()
                .withNewSpec()
                .withHard(Map.of("pods", new Quantity("1")))
                .endSpec()
                .build())
        .create();
    kube.apps().deployments().inNamespace(ns.name()).resource(deployment("web", 2, null)).create();
    String refused = "replicaset.pods-not-created";
    String unavailable = "deployment.unavailable";
    await()
        .atMost(WAIT)
        .until(() -> !kube.apps().replicaSets().inNamespace(ns.name()).list().getItems().isEmpty());
    String replicaSet =
        kube.apps()
            .replicaSets()
            .inNamespace(ns.name())
            .list()
            .getItems()
            .getFirst()
            .getMetadata()
            .getName();

    JsonNode finding = awaitFinding(refused, ns.name(), replicaSet);

    assertThat(en(finding, "explanation"))
        .contains(
            "(Deployment web)",
            "cannot create its pods",
            "ResourceQuota",
            "exceeded quota: compute");
    assertThat(evidence(finding))
        .anySatisfy(e -> assertThat(e.path("label").asString()).startsWith("FailedCreate"));
    assertThat(kubectlDescribe("rs", replicaSet, "-n", ns.name()))
        .contains("FailedCreate", "exceeded quota: compute");
    JsonNode degraded = awaitFinding(unavailable, ns.name(), "web");
    assertThat(degraded.path("severity").asString()).isEqualTo("WARNING");
    assertThat(en(degraded, "explanation")).contains("only 1 of 2 replicas available");

    kube.resourceQuotas()
        .inNamespace(ns.name())
        .withName("compute")
        .edit(
            q -> {
              q.getSpec().getHard().put("pods", new Quantity("10"));
              return q;
            });
    awaitResolved(refused, ns.name(), replicaSet);
    awaitResolved(unavailable, ns.name(), "web");
  }

  @Test
  void aBudgetAllowingNoDisruptionAndAServiceTargetingAMissingPortName(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    kube.apps().deployments().inNamespace(ns.name()).resource(deployment("web", 2, null)).create();
    kube.policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns.name())
        .resource(
            new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(0))
                .withNewSelector()
                .withMatchLabels(Map.of("app", "web"))
                .endSelector()
                .endSpec()
                .build())
        .create();
    kube.services()
        .inNamespace(ns.name())
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "web"))
                .addNewPort()
                .withPort(80)
                .withTargetPort(new IntOrString("htpp"))
                .endPort()
                .endSpec()
                .build())
        .create();
    String budget = "pdb.blocks-disruptions";
    String ports = "service.target-port-mismatch";

    JsonNode blocked = awaitFinding(budget, ns.name(), "web");
    assertThat(en(blocked, "explanation"))
        .contains("requires all 2 of its pods", "never allows an eviction");
    assertThat(evidenceValues(blocked)).contains("0", "2 | 2 | 2 | 0");
    assertThat(kubectlDescribe("pdb", "web", "-n", ns.name()))
        .containsPattern("Allowed disruptions:\\s+0");

    JsonNode mismatch = awaitFinding(ports, ns.name(), "web");
    assertThat(en(mismatch, "explanation")).contains("80→htpp");
    assertThat(evidenceValues(mismatch)).contains("http:8080");
    assertThat(kubectlDescribe("service", "web", "-n", ns.name())).contains("htpp/TCP");

    kube.policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns.name())
        .withName("web")
        .edit(
            p -> {
              p.getSpec().setMaxUnavailable(new IntOrString(1));
              return p;
            });
    kube.services()
        .inNamespace(ns.name())
        .withName("web")
        .edit(
            svc -> {
              svc.getSpec().getPorts().getFirst().setTargetPort(new IntOrString("http"));
              return svc;
            });
    awaitResolved(budget, ns.name(), "web");
    awaitResolved(ports, ns.name(), "web");
  }

  @Test
  void aStatefulSetStuckOnItsFirstPodAndAnAutoscalerWithoutMetrics(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    kube.apps()
        .statefulSets()
        .inNamespace(ns.name())
        .resource(
            new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder()
                .withNewMetadata()
                .withName("pg")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withServiceName("pg")
                .withNewSelector()
                .withMatchLabels(Map.of("app", "pg"))
                .endSelector()
                .withTemplate(template("pg", "ImagePullBackOff"))
                .endSpec()
                .build())
        .create();
    kube.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns.name())
        .resource(
            new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("pg")
                .endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("StatefulSet")
                .withName("pg")
                .endScaleTargetRef()
                .withMinReplicas(2)
                .withMaxReplicas(4)
                .addNewMetric()
                .withType("Resource")
                .withNewResource()
                .withName("cpu")
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(80)
                .endTarget()
                .endResource()
                .endMetric()
                .endSpec()
                .build())
        .create();
    String notReady = "statefulset.not-ready";
    String hpa = "hpa.unable-to-scale";

    JsonNode stuck = awaitFinding(notReady, ns.name(), "pg");
    assertThat(stuck.path("severity").asString()).isEqualTo("CRITICAL");
    assertThat(en(stuck, "explanation")).contains("0 of 2 pods ready", "ImagePullBackOff");
    assertThat(evidence(stuck))
        .anySatisfy(e -> assertThat(e.path("label").asString()).isEqualTo("pod pg-0"));
    assertThat(kubectlDescribe("statefulset", "pg", "-n", ns.name()))
        .contains("Replicas:", "2 desired");

    // No metrics API on this plane: the HPA controller cannot read CPU usage.
    JsonNode blind = awaitFinding(hpa, ns.name(), "pg");
    assertThat(en(blind, "explanation")).contains("cannot compute a replica count");
    assertThat(evidence(blind))
        .anySatisfy(
            e -> {
              assertThat(e.path("label").asString()).isEqualTo("ScalingActive");
              assertThat(e.path("value").asString()).startsWith("False, FailedGetResourceMetric");
            });
    assertThat(kubectlDescribe("hpa", "pg", "-n", ns.name())).contains("FailedGetResourceMetric");

    kube.apps()
        .statefulSets()
        .inNamespace(ns.name())
        .withName("pg")
        .edit(
            set -> {
              set.getSpec().setTemplate(template("pg", null));
              return set;
            });
    kube.pods().inNamespace(ns.name()).withName("pg-0").delete();
    awaitResolved(notReady, ns.name(), "pg");
    // The HPA's resolution needs a metrics API (metrics-server): not started here to spare the CPU.
  }

  @Test
  void aLeftoverConfigMapIsHygieneUntilAPodUsesItAndACordonedNodeIsSaid(
      KubernetesClient kube, TestNamespace ns) throws Exception {
    kube.configMaps()
        .inNamespace(ns.name())
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("leftover")
                .endMetadata()
                .withData(Map.of("a", "b"))
                .build())
        .create();
    String unused = "configmap.unreferenced";

    JsonNode hygiene = awaitFinding(unused, ns.name(), "leftover");
    assertThat(hygiene.path("severity").asString()).isEqualTo("INFO");
    assertThat(en(hygiene, "explanation")).contains("referenced by no pod");
    await()
        .atMost(WAIT)
        .until(
            () ->
                kube.configMaps().inNamespace(ns.name()).withName("kube-root-ca.crt").get()
                    != null);
    assertThat(active(unused, ns.name(), "kube-root-ca.crt")).isEmpty();

    var spec = template("user", null).getSpec();
    spec.getContainers()
        .getFirst()
        .setEnvFrom(
            List.of(
                new io.fabric8.kubernetes.api.model.EnvFromSourceBuilder()
                    .withNewConfigMapRef("leftover", false)
                    .build()));
    kube.pods()
        .inNamespace(ns.name())
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("user")
                .endMetadata()
                .withSpec(spec)
                .build())
        .create();
    awaitResolved(unused, ns.name(), "leftover");

    String node = kube.nodes().list().getItems().getFirst().getMetadata().getName();
    String cordoned = "node.cordoned";
    kube.nodes()
        .withName(node)
        .edit(
            n -> {
              n.getSpec().setUnschedulable(true);
              return n;
            });
    try {
      JsonNode cordon = awaitFinding(cordoned, null, node);
      assertThat(en(cordon, "explanation")).contains("is cordoned");
      assertThat(kubectlDescribe("node", node)).containsPattern("Unschedulable:\\s+true");
    } finally {
      kube.nodes()
          .withName(node)
          .edit(
              n -> {
                n.getSpec().setUnschedulable(false);
                return n;
              });
    }
    awaitResolved(cordoned, null, node);
  }

  private static io.fabric8.kubernetes.api.model.batch.v1.Job job(String name, String state) {
    PodTemplateSpec template = template(name, state);
    template.getSpec().setRestartPolicy("Never");
    return new JobBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(0)
        .withActiveDeadlineSeconds(state == null ? null : 3L)
        .withTemplate(template)
        .endSpec()
        .build();
  }
}
