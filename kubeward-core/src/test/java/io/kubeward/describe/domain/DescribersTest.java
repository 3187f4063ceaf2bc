package io.kubeward.describe.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribersTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final DescribeContext EMPTY = DescribeContext.empty(NOW);

  private static Pod crashingPod() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web-1")
        .withNamespace("shop")
        .withLabels(Map.of("app", "web"))
        .addNewOwnerReference()
        .withKind("ReplicaSet")
        .withName("web-abc")
        .withController(true)
        .withApiVersion("apps/v1")
        .withUid("u")
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-1")
        .withServiceAccountName("default")
        .withNodeSelector(Map.of("zone", "a"))
        .addNewToleration()
        .withKey("node.kubernetes.io/not-ready")
        .withOperator("Exists")
        .withEffect("NoExecute")
        .withTolerationSeconds(300L)
        .endToleration()
        .addNewContainer()
        .withName("app")
        .withImage("nginx:1.27")
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("100m")))
        .withLimits(Map.of("memory", new Quantity("128Mi")))
        .endResources()
        .addNewVolumeMount()
        .withName("config")
        .withMountPath("/etc/app")
        .withReadOnly(true)
        .endVolumeMount()
        .addNewEnv()
        .withName("PASSWORD")
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName("db")
        .withKey("password")
        .endSecretKeyRef()
        .endValueFrom()
        .endEnv()
        .addNewEnvFrom()
        .withNewConfigMapRef()
        .withName("settings")
        .endConfigMapRef()
        .endEnvFrom()
        .endContainer()
        .addNewVolume()
        .withName("config")
        .withNewConfigMap()
        .withName("app-config")
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("data")
        .withNewPersistentVolumeClaim()
        .withClaimName("data-web-1")
        .endPersistentVolumeClaim()
        .endVolume()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP("10.0.0.5")
        .withQosClass("Burstable")
        .addNewCondition()
        .withType("Ready")
        .withStatus("False")
        .withReason("ContainersNotReady")
        .endCondition()
        .addNewContainerStatus()
        .withName("app")
        .withReady(false)
        .withRestartCount(7)
        .withState(
            new ContainerStateBuilder()
                .withNewWaiting()
                .withReason("CrashLoopBackOff")
                .endWaiting()
                .build())
        .withLastState(
            new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(137)
                .withReason("OOMKilled")
                .endTerminated()
                .build())
        .endContainerStatus()
        .endStatus()
        .build();
  }

  @Test
  void aPodShowsItsContainersStatesVolumesAndReferencesButNoSecretValue() {
    Description d =
        Describers.describe(
            DescribeKind.POD,
            crashingPod(),
            EMPTY.withOwnerChain(List.of(new Description.ObjectLink("Deployment", "shop", "web"))));

    Description.DescriptionSection meta = d.section("Metadata").orElseThrow();
    assertThat(meta.value("Node")).contains("node-1");
    assertThat(meta.value("Controlled By")).contains("ReplicaSet/web-abc");
    assertThat(meta.value("Node-Selectors")).contains("zone=a");
    assertThat(meta.value("Tolerations"))
        .contains("node.kubernetes.io/not-ready op=Exists:NoExecute for 300s");
    assertThat(meta.value("QoS Class")).contains("Burstable");
    Description.DescriptionTable containers =
        d.section("Containers").orElseThrow().table("Containers").orElseThrow();
    assertThat(containers.column("Image")).containsExactly("nginx:1.27");
    assertThat(containers.column("State")).containsExactly("Waiting (CrashLoopBackOff)");
    assertThat(containers.column("Last State")).containsExactly("Terminated (OOMKilled)");
    assertThat(containers.column("Exit Code")).containsExactly("137");
    assertThat(containers.column("Restart Count")).containsExactly("7");
    assertThat(containers.column("Requests")).containsExactly("cpu=100m");
    assertThat(containers.column("Limits")).containsExactly("memory=128Mi");
    assertThat(containers.column("Mounts")).containsExactly("/etc/app from config (ro)");
    assertThat(containers.column("Environment").get(0))
        .contains("ConfigMap settings")
        .contains("PASSWORD <set to the key 'password' in secret 'db'>");
    assertThat(d.section("Conditions").orElseThrow().table("Conditions").orElseThrow().rows())
        .contains(List.of("Ready", "False", "ContainersNotReady", "", ""));
    assertThat(d.related())
        .extracting(r -> r.relation() + ":" + r.ref().kind() + "/" + r.ref().name())
        .contains(
            "owner:ReplicaSet/web-abc",
            "owner:Deployment/web",
            "node:Node/node-1",
            "configmap:ConfigMap/app-config",
            "configmap:ConfigMap/settings",
            "secret:Secret/db",
            "pvc:PersistentVolumeClaim/data-web-1");
    assertThat(d.status()).isEqualTo("Running");
  }

  @Test
  void eventsAreListedNewestFirstWithAnAgeOrSaidToBeHidden() {
    ObjectView event =
        new ObjectView(
            "shop",
            "web-1.1",
            "u",
            "1",
            NOW,
            Map.of(),
            null,
            "Warning",
            Map.of(
                "reason",
                "BackOff",
                "message",
                "Back-off restarting",
                "count",
                12,
                "lastSeen",
                "2026-12-03T11:58:00Z"));
    Description shown =
        Describers.describe(
            DescribeKind.POD, crashingPod(), EMPTY.withEvents(List.of(event), true));
    Description hidden =
        Describers.describe(DescribeKind.POD, crashingPod(), EMPTY.withEvents(List.of(), false));

    assertThat(shown.section("Events").orElseThrow().table("Events").orElseThrow().rows())
        .containsExactly(List.of("Warning", "BackOff", "2m", "12", "Back-off restarting"));
    assertThat(hidden.section("Events").orElseThrow().value("Events"))
        .contains("<not allowed to list events>");
  }

  @Test
  void aDeploymentShowsReplicasStrategySelectorTemplateReplicaSetsAndPods() {
    var deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withReplicas(3)
            .withNewSelector()
            .withMatchLabels(Map.of("app", "web"))
            .endSelector()
            .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
            .withMaxSurge(new IntOrString("25%"))
            .withMaxUnavailable(new IntOrString("25%"))
            .endRollingUpdate()
            .endStrategy()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(Map.of("app", "web"))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("nginx")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .withNewStatus()
            .withReplicas(3)
            .withUpdatedReplicas(3)
            .withReadyReplicas(2)
            .withAvailableReplicas(2)
            .withUnavailableReplicas(1)
            .addNewCondition()
            .withType("Available")
            .withStatus("False")
            .withReason("MinimumReplicasUnavailable")
            .endCondition()
            .endStatus()
            .build();
    ObjectView rs =
        new ObjectView(
            "shop",
            "web-abc",
            "u",
            "1",
            NOW,
            Map.of(),
            new OwnerRef("Deployment", "web"),
            "2/3",
            Map.of());
    Description d =
        Describers.describe(
            DescribeKind.DEPLOYMENT,
            deployment,
            EMPTY.withOwned(List.of(rs)).withPods(List.of(pod("web-abc-1", PodPhase.RUNNING))));

    Description.DescriptionSection meta = d.section("Metadata").orElseThrow();
    assertThat(meta.value("Selector")).contains("app=web");
    assertThat(meta.value("Replicas"))
        .contains("3 desired | 3 updated | 3 total | 2 available | 1 unavailable");
    assertThat(meta.value("RollingUpdateStrategy")).contains("25% max unavailable, 25% max surge");
    assertThat(
            d.section("Pod Template")
                .orElseThrow()
                .table("Containers")
                .orElseThrow()
                .column("Image"))
        .containsExactly("nginx");
    assertThat(d.section("Pods").orElseThrow().value("Pods Status"))
        .contains("1 Running / 0 Waiting / 0 Succeeded / 0 Failed");
    assertThat(d.related())
        .extracting(r -> r.relation() + ":" + r.ref().name())
        .contains("replicaset:web-abc", "pod:web-abc-1");
    assertThat(d.status()).isEqualTo("2/3 ready");
  }

  @Test
  void aServiceShowsPortsAndEndpointsFromItsSlices() {
    var service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withType("ClusterIP")
            .withClusterIP("10.96.0.10")
            .withSelector(Map.of("app", "web"))
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withTargetPort(new IntOrString(8080))
            .withProtocol("TCP")
            .endPort()
            .endSpec()
            .build();
    var slice =
        new EndpointSliceBuilder()
            .withNewMetadata()
            .withName("web-xyz")
            .withNamespace("shop")
            .endMetadata()
            .withAddressType("IPv4")
            .addNewEndpoint()
            .withAddresses("10.0.0.5")
            .withNewConditions()
            .withReady(true)
            .endConditions()
            .withNewTargetRef()
            .withKind("Pod")
            .withName("web-1")
            .endTargetRef()
            .endEndpoint()
            .addNewEndpoint()
            .withAddresses("10.0.0.6")
            .withNewConditions()
            .withReady(false)
            .endConditions()
            .endEndpoint()
            .addNewPort()
            .withName("http")
            .withPort(8080)
            .withProtocol("TCP")
            .endPort()
            .build();
    Description d =
        Describers.describe(
            DescribeKind.SERVICE, service, EMPTY.withEndpointSlices(List.of(slice)));

    assertThat(d.section("Ports").orElseThrow().table("Ports").orElseThrow().rows())
        .containsExactly(List.of("http", "80", "8080", "<none>", "TCP"));
    Description.DescriptionSection endpoints = d.section("Endpoints").orElseThrow();
    assertThat(endpoints.value("Ready Addresses")).contains("10.0.0.5");
    assertThat(endpoints.value("Not Ready Addresses")).contains("10.0.0.6");
    assertThat(endpoints.value("Ports of web-xyz")).contains("http 8080/TCP");
    assertThat(d.related())
        .extracting(r -> r.relation() + ":" + r.ref().name())
        .contains("endpointslice:web-xyz", "pod:web-1");
  }

  @Test
  void anIngressShowsRulesBackendsAndTlsAndLinksServicesAndSecrets() {
    var ingress =
        new IngressBuilder()
            .withNewMetadata()
            .withName("shop")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withIngressClassName("nginx")
            .addNewTl()
            .withHosts("shop.example.com")
            .withSecretName("shop-tls")
            .endTl()
            .addNewRule()
            .withHost("shop.example.com")
            .withNewHttp()
            .addNewPath()
            .withPath("/api")
            .withPathType("Prefix")
            .withNewBackend()
            .withNewService()
            .withName("api")
            .withNewPort()
            .withNumber(8080)
            .endPort()
            .endService()
            .endBackend()
            .endPath()
            .endHttp()
            .endRule()
            .endSpec()
            .build();
    Description d = Describers.describe(DescribeKind.INGRESS, ingress, EMPTY);

    assertThat(d.section("Rules").orElseThrow().table("Rules").orElseThrow().rows())
        .containsExactly(List.of("shop.example.com", "/api", "Prefix", "api:8080"));
    assertThat(d.section("TLS").orElseThrow().table("TLS").orElseThrow().rows())
        .containsExactly(List.of("shop-tls", "shop.example.com"));
    assertThat(d.related())
        .extracting(r -> r.relation() + ":" + r.ref().kind() + "/" + r.ref().name())
        .contains("service:Service/api", "secret:Secret/shop-tls");
  }

  @Test
  void aClaimLinksItsVolumeAndStorageClassAndTheVolumeItsClaim() {
    var claim =
        new PersistentVolumeClaimBuilder()
            .withNewMetadata()
            .withName("data")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withStorageClassName("standard")
            .withVolumeName("pv-1")
            .withAccessModes("ReadWriteOnce")
            .endSpec()
            .withNewStatus()
            .withPhase("Bound")
            .withCapacity(Map.of("storage", new Quantity("1Gi")))
            .endStatus()
            .build();
    var volume =
        new PersistentVolumeBuilder()
            .withNewMetadata()
            .withName("pv-1")
            .endMetadata()
            .withNewSpec()
            .withStorageClassName("standard")
            .withCapacity(Map.of("storage", new Quantity("1Gi")))
            .withNewClaimRef()
            .withNamespace("shop")
            .withName("data")
            .endClaimRef()
            .withNewHostPath()
            .withPath("/tmp/pv-1")
            .endHostPath()
            .endSpec()
            .build();

    Description c = Describers.describe(DescribeKind.PERSISTENTVOLUMECLAIM, claim, EMPTY);
    Description v = Describers.describe(DescribeKind.PERSISTENTVOLUME, volume, EMPTY);

    assertThat(c.section("Metadata").orElseThrow().value("Capacity")).contains("1Gi");
    assertThat(c.related())
        .extracting(r -> r.relation() + ":" + r.ref().name())
        .containsExactly("pv:pv-1", "storageclass:standard");
    assertThat(v.section("Metadata").orElseThrow().value("Claim")).contains("shop/data");
    assertThat(v.section("Source").orElseThrow().value("Path")).contains("/tmp/pv-1");
    assertThat(v.related())
        .extracting(r -> r.relation() + ":" + r.ref().name())
        .containsExactly("pvc:data", "storageclass:standard");
  }

  @Test
  void aNodeShowsConditionsTaintsCapacityAndItsPodsSums() {
    var node =
        new NodeBuilder()
            .withNewMetadata()
            .withName("node-1")
            .withLabels(Map.of("node-role.kubernetes.io/worker", ""))
            .endMetadata()
            .withNewSpec()
            .withUnschedulable(true)
            .addNewTaint()
            .withKey("dedicated")
            .withValue("db")
            .withEffect("NoSchedule")
            .endTaint()
            .endSpec()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .withCapacity(Map.of("cpu", new Quantity("4"), "pods", new Quantity("110")))
            .withAllocatable(Map.of("cpu", new Quantity("3800m"), "pods", new Quantity("110")))
            .endStatus()
            .build();
    Description d =
        Describers.describe(
            DescribeKind.NODE,
            node,
            EMPTY.withPods(List.of(pod("a", PodPhase.RUNNING), pod("b", PodPhase.RUNNING))));

    assertThat(d.status()).isEqualTo("Ready,SchedulingDisabled");
    assertThat(d.section("Metadata").orElseThrow().value("Taints"))
        .contains("dedicated=db:NoSchedule");
    assertThat(d.section("Metadata").orElseThrow().value("Roles")).contains("worker");
    assertThat(d.section("Capacity").orElseThrow().table("Capacity").orElseThrow().rows())
        .contains(List.of("cpu", "4", "3800m"));
    Description.DescriptionSection pods = d.section("Non-terminated Pods").orElseThrow();
    assertThat(pods.value("Count")).contains("2");
    assertThat(pods.value("CPU Requests")).contains("200m");
  }

  @Test
  void anHpaLinksItsTargetAndShowsMetrics() {
    var hpa =
        new HorizontalPodAutoscalerBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withNewScaleTargetRef()
            .withKind("Deployment")
            .withName("web")
            .withApiVersion("apps/v1")
            .endScaleTargetRef()
            .withMinReplicas(2)
            .withMaxReplicas(10)
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
            .build();
    Description d = Describers.describe(DescribeKind.HORIZONTALPODAUTOSCALER, hpa, EMPTY);

    assertThat(d.section("Metadata").orElseThrow().value("Reference")).contains("Deployment/web");
    assertThat(d.section("Metrics").orElseThrow().table("Metrics").orElseThrow().rows())
        .containsExactly(List.of("Resource", "cpu", "<unknown>", "80%"));
    assertThat(d.related())
        .extracting(r -> r.relation() + ":" + r.ref().kind() + "/" + r.ref().name())
        .containsExactly("target:Deployment/web");
  }

  @Test
  void aJobShowsCompletionsAndStatusesAndACronJobItsScheduleAndJobs() {
    var job =
        new JobBuilder()
            .withNewMetadata()
            .withName("report-1")
            .withNamespace("batch")
            .endMetadata()
            .withNewSpec()
            .withCompletions(1)
            .withParallelism(1)
            .withBackoffLimit(6)
            .endSpec()
            .withNewStatus()
            .withStartTime("2026-12-03T11:00:00Z")
            .withCompletionTime("2026-12-03T11:02:30Z")
            .withSucceeded(1)
            .addNewCondition()
            .withType("Complete")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();
    var cron =
        new CronJobBuilder()
            .withNewMetadata()
            .withName("report")
            .withNamespace("batch")
            .endMetadata()
            .withNewSpec()
            .withSchedule("*/5 * * * *")
            .withConcurrencyPolicy("Forbid")
            .endSpec()
            .build();
    ObjectView owned =
        new ObjectView(
            "batch",
            "report-1",
            "u",
            "1",
            NOW,
            Map.of(),
            new OwnerRef("CronJob", "report"),
            "Complete",
            Map.of());

    Description j = Describers.describe(DescribeKind.JOB, job, EMPTY);
    Description c =
        Describers.describe(DescribeKind.CRONJOB, cron, EMPTY.withOwned(List.of(owned)));

    assertThat(j.status()).isEqualTo("Complete");
    assertThat(j.section("Metadata").orElseThrow().value("Duration")).contains("2m30s");
    assertThat(j.section("Metadata").orElseThrow().value("Pods Statuses"))
        .contains("0 Active (0 Ready) / 1 Succeeded / 0 Failed");
    assertThat(c.section("Metadata").orElseThrow().value("Schedule")).contains("*/5 * * * *");
    assertThat(c.related())
        .extracting(r -> r.relation() + ":" + r.ref().name())
        .containsExactly("job:report-1");
  }

  @Test
  void kindsAreNamedByKindPluralOrShortName() {
    assertThat(DescribeKind.parse("Deployment")).contains(DescribeKind.DEPLOYMENT);
    assertThat(DescribeKind.parse("deployments")).contains(DescribeKind.DEPLOYMENT);
    assertThat(DescribeKind.parse("hpa")).contains(DescribeKind.HORIZONTALPODAUTOSCALER);
    assertThat(DescribeKind.parse("persistentvolumeclaim"))
        .contains(DescribeKind.PERSISTENTVOLUMECLAIM);
    assertThat(DescribeKind.parse("Secret")).isEmpty();
  }

  private static PodView pod(String name, PodPhase phase) {
    return new PodView(
        "shop",
        name,
        "u-" + name,
        "1",
        NOW,
        Map.of("app", "web"),
        null,
        "node-1",
        phase,
        null,
        "1/1",
        0,
        null,
        new Resources(100, 64L << 20, 1),
        new Resources(200, 128L << 20, 1));
  }
}
