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
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.ClientSettings;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ProbeSettings;
import io.kubeward.cluster.kube.KubeClusterFactory;
import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.Severity;
import io.kubeward.diagnostics.domain.rules.DeploymentProgressDeadlineRule;
import io.kubeward.diagnostics.domain.rules.IngressRules;
import io.kubeward.diagnostics.domain.rules.JobFailedRule;
import io.kubeward.diagnostics.domain.rules.PvcPendingRule;
import io.kubeward.diagnostics.domain.rules.QuotaNearLimitRule;
import io.kubeward.diagnostics.domain.rules.ServiceRules;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workload, network, storage and quota rules on the local control plane: each scenario creates
 * the real situation, reads the cache Kubeward keeps (as Kubeward's own service account), asserts
 * the finding with its explanation and evidence, cross-checks a fact with {@code kubectl describe},
 * fixes the situation and asserts the finding is gone. Graces are zero so that nothing waits for a
 * wall-clock threshold.
 */
@LocalControlPlane
class OpsRulesIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static ManagedCluster cluster;
  private static CacheFacts facts;
  private static ControlPlane plane;

  @BeforeAll
  static void connect(ControlPlane controlPlane) throws Exception {
    plane = controlPlane;
    String kubeconfig = Files.readString(controlPlane.kubewardKubeconfig(), StandardCharsets.UTF_8);
    cluster =
        new KubeClusterFactory(
                ClientSettings.defaults(), ProbeSettings.defaults(), Clock.systemUTC())
            .connect("ops-rules-it", kubeconfig, null);
    facts = new CacheFacts(cluster);
    await().atMost(WAIT).until(cluster::cacheSynced);
  }

  @AfterAll
  static void close() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static List<FindingDraft> judge(DiagnosticRule rule, String namespace, String name) {
    return facts
        .get(rule.subjectKind(), namespace, name)
        .map(view -> rule.judge(view, facts))
        .orElse(List.of());
  }

  private static FindingDraft awaitFinding(DiagnosticRule rule, String namespace, String name) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !judge(rule, namespace, name).isEmpty());
    return judge(rule, namespace, name).getFirst();
  }

  private static void awaitResolved(DiagnosticRule rule, String namespace, String name) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> judge(rule, namespace, name).isEmpty());
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
    var rule = new DeploymentProgressDeadlineRule();

    FindingDraft finding = awaitFinding(rule, ns.name(), "web");

    assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(finding.explanation().en()).contains("Deployment web", "no progress", "0 available");
    assertThat(finding.explanation().zh()).contains("进度期限");
    assertThat(finding.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.label()).isEqualTo("Progressing");
              assertThat(e.value())
                  .contains("ProgressDeadlineExceeded", "has timed out progressing");
            });
    assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.label()).startsWith("pod web-"));
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
    var noPods = new ServiceRules.NoPodsSelected(Duration.ZERO);
    var noEndpoints = new ServiceRules.NoReadyEndpoints(Duration.ZERO);
    var ingressRule = new IngressRules.MissingBackend();

    FindingDraft selects = awaitFinding(noPods, ns.name(), "web");
    assertThat(selects.explanation().en()).contains("selects no pod", "app=web");
    assertThat(selects.evidence()).extracting(Evidence::value).contains("app=web");
    assertThat(kubectlDescribe("service", "web", "-n", ns.name()))
        .contains("app=web")
        .contains("Endpoints:");

    FindingDraft backends = awaitFinding(ingressRule, ns.name(), "front");
    assertThat(backends.explanation().en())
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
    awaitResolved(noEndpoints, ns.name(), "web");
    assertThat(judge(new ServiceRules.TargetPortMismatch(), ns.name(), "web")).isEmpty();

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
    var rule = new PvcPendingRule(Duration.ZERO);

    await()
        .atMost(WAIT)
        .until(
            () ->
                judge(rule, ns.name(), "data").stream()
                    .anyMatch(
                        f -> f.evidence().stream().anyMatch(e -> e.kind().equals(Evidence.EVENT))));
    FindingDraft finding = judge(rule, ns.name(), "data").getFirst();
    assertThat(finding.explanation().en())
        .contains("StorageClass " + className + " does not exist");
    Evidence event =
        finding.evidence().stream()
            .filter(e -> e.kind().equals(Evidence.EVENT))
            .findFirst()
            .orElseThrow();
    assertThat(event.label()).startsWith("ProvisioningFailed");
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
      assertThat(facts.get("PersistentVolumeClaim", ns.name(), "data").map(KubeObjectView::status))
          .contains("Bound");
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
    var rule = new QuotaNearLimitRule();

    FindingDraft finding = awaitFinding(rule, ns.name(), "compute");

    assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(finding.explanation().en()).contains("at its limit for pods");
    assertThat(finding.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.label()).isEqualTo("pods (used / hard)");
              assertThat(e.value()).isEqualTo("1 / 1 (100%)");
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
    var rule = new JobFailedRule();

    FindingDraft finding = awaitFinding(rule, ns.name(), "migrate");

    assertThat(finding.explanation().en()).contains("Job migrate failed", "activeDeadlineSeconds");
    assertThat(finding.evidence().getFirst().value()).contains("DeadlineExceeded");
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
    kube.batch().v1().jobs().inNamespace(ns.name()).resource(job("migrate", null)).create();
    await()
        .atMost(WAIT)
        .until(
            () ->
                facts
                    .get("Job", ns.name(), "migrate")
                    .map(KubeObjectView::status)
                    .orElse("")
                    .equals("Complete"));
    assertThat(judge(rule, ns.name(), "migrate")).isEmpty();
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
    var refused = io.kubeward.diagnostics.domain.rules.PodsNotCreatedRule.all().getFirst();
    var unavailable =
        new io.kubeward.diagnostics.domain.rules.DeploymentUnavailableRule(Duration.ZERO);
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

    FindingDraft finding = awaitFinding(refused, ns.name(), replicaSet);

    assertThat(finding.explanation().en())
        .contains(
            "(Deployment web)",
            "cannot create its pods",
            "ResourceQuota",
            "exceeded quota: compute");
    assertThat(finding.evidence())
        .anySatisfy(e -> assertThat(e.label()).startsWith("FailedCreate"));
    assertThat(kubectlDescribe("rs", replicaSet, "-n", ns.name()))
        .contains("FailedCreate", "exceeded quota: compute");
    FindingDraft degraded = awaitFinding(unavailable, ns.name(), "web");
    assertThat(degraded.severity()).isEqualTo(Severity.WARNING);
    assertThat(degraded.explanation().en()).contains("only 1 of 2 replicas available");

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
    var budget = new io.kubeward.diagnostics.domain.rules.PdbBlocksDisruptionsRule(Duration.ZERO);
    var ports = new ServiceRules.TargetPortMismatch();

    FindingDraft blocked = awaitFinding(budget, ns.name(), "web");
    assertThat(blocked.explanation().en())
        .contains("requires all 2 of its pods", "never allows an eviction");
    assertThat(blocked.evidence()).extracting(Evidence::value).contains("0", "2 | 2 | 2 | 0");
    assertThat(kubectlDescribe("pdb", "web", "-n", ns.name()))
        .containsPattern("Allowed disruptions:\\s+0");

    FindingDraft mismatch = awaitFinding(ports, ns.name(), "web");
    assertThat(mismatch.explanation().en()).contains("80→htpp");
    assertThat(mismatch.evidence()).extracting(Evidence::value).contains("http:8080");
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
    var notReady =
        io.kubeward.diagnostics.domain.rules.WorkloadNotReadyRule.statefulSets(Duration.ZERO);
    var hpa = new io.kubeward.diagnostics.domain.rules.AutoscalerRules.UnableToScale(Duration.ZERO);

    FindingDraft stuck = awaitFinding(notReady, ns.name(), "pg");
    assertThat(stuck.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(stuck.explanation().en()).contains("0 of 2 pods ready", "ImagePullBackOff");
    assertThat(stuck.evidence()).anySatisfy(e -> assertThat(e.label()).isEqualTo("pod pg-0"));
    assertThat(kubectlDescribe("statefulset", "pg", "-n", ns.name()))
        .contains("Replicas:", "2 desired");

    // No metrics API on this plane: the HPA controller cannot read CPU usage.
    FindingDraft blind = awaitFinding(hpa, ns.name(), "pg");
    assertThat(blind.explanation().en()).contains("cannot compute a replica count");
    assertThat(blind.evidence())
        .anySatisfy(
            e -> {
              assertThat(e.label()).isEqualTo("ScalingActive");
              assertThat(e.value()).startsWith("False, FailedGetResourceMetric");
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
    var unused = io.kubeward.diagnostics.domain.rules.UnreferencedRule.configMaps(Duration.ZERO);

    FindingDraft hygiene = awaitFinding(unused, ns.name(), "leftover");
    assertThat(hygiene.severity()).isEqualTo(Severity.INFO);
    assertThat(hygiene.explanation().en()).contains("referenced by no pod");
    await()
        .atMost(WAIT)
        .until(() -> facts.get("ConfigMap", ns.name(), "kube-root-ca.crt").isPresent());
    assertThat(judge(unused, ns.name(), "kube-root-ca.crt")).isEmpty();

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
    var cordoned = new io.kubeward.diagnostics.domain.rules.NodeRules.Cordoned();
    kube.nodes()
        .withName(node)
        .edit(
            n -> {
              n.getSpec().setUnschedulable(true);
              return n;
            });
    try {
      FindingDraft cordon = awaitFinding(cordoned, null, node);
      assertThat(cordon.explanation().en()).contains("is cordoned");
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
