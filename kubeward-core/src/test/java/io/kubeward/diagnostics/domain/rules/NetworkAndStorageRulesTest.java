package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.domain.rules.Facts.meta;
import static io.kubeward.diagnostics.domain.rules.Facts.owner;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkAndStorageRulesTest {

  final Facts facts = new Facts();

  KubeObjectView service(String name, Map<String, String> selector, Object targetPort) {
    return facts.add(
        new ServiceBuilder()
            .withMetadata(meta("shop", name).build())
            .withNewSpec()
            .withSelector(selector)
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withTargetPort(
                targetPort instanceof Integer number
                    ? new IntOrString(number)
                    : new IntOrString((String) targetPort))
            .endPort()
            .endSpec()
            .build());
  }

  void webPod(boolean ready) {
    facts.add(
        new DeploymentBuilder()
            .withMetadata(meta("shop", "web").build())
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("web")
            .addNewPort()
            .withName("http")
            .withContainerPort(8080)
            .endPort()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build());
    facts.add(
        new ReplicaSetBuilder()
            .withMetadata(
                meta("shop", "web-1").withOwnerReferences(owner("Deployment", "web")).build())
            .build());
    facts.add(
        new PodBuilder()
            .withMetadata(
                meta("shop", "web-1-a")
                    .withLabels(Map.of("app", "web"))
                    .withOwnerReferences(owner("ReplicaSet", "web-1"))
                    .build())
            .withNewSpec()
            .withNodeName("node-a")
            .addNewContainer()
            .withName("web")
            .endContainer()
            .endSpec()
            .withNewStatus()
            .withPhase("Running")
            .addNewContainerStatus()
            .withName("web")
            .withReady(ready)
            .withNewState()
            .withNewRunning()
            .endRunning()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build());
    facts.add(
        new EndpointSliceBuilder()
            .withMetadata(
                meta("shop", "web-abc")
                    .withLabels(Map.of("kubernetes.io/service-name", "web"))
                    .build())
            .withAddressType("IPv4")
            .addNewEndpoint()
            .withAddresses("10.0.0.1")
            .withNewConditions()
            .withReady(ready)
            .endConditions()
            .endEndpoint()
            .build());
  }

  @Test
  void serviceSelectingNothingNamesTheNearMiss() {
    webPod(true);
    var svc = service("web", Map.of("app", "wbe"), "http");
    assertThat(facts.judge(new ServiceRules.NoPodsSelected(), svc))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en()).contains("selects no pod", "app=wbe");
              assertThat(d.evidence())
                  .anyMatch(e -> e.value().contains("selector wants wbe, pod has web"));
            });
    var good = service("web", Map.of("app", "web"), "http");
    assertThat(facts.judge(new ServiceRules.NoPodsSelected(), good)).isEmpty();
    assertThat(facts.judge(new ServiceRules.NoReadyEndpoints(), good)).isEmpty();
    assertThat(facts.judge(new ServiceRules.TargetPortMismatch(), good)).isEmpty();
  }

  @Test
  void serviceWithoutReadyEndpointsIsCritical() {
    webPod(false);
    var svc = service("web", Map.of("app", "web"), "http");
    assertThat(facts.judge(new ServiceRules.NoReadyEndpoints(), svc))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.evidence()).extracting(Evidence::value).contains("0/1");
            });
  }

  @Test
  void targetPortNamedNowhere() {
    webPod(true);
    var svc = service("web", Map.of("app", "web"), "htpp");
    assertThat(facts.judge(new ServiceRules.TargetPortMismatch(), svc))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en()).contains("80→htpp");
              assertThat(d.evidence()).extracting(Evidence::value).contains("http:8080");
            });
    var number = service("web2", Map.of("app", "web"), 9090);
    assertThat(facts.judge(new ServiceRules.TargetPortMismatch(), number)).hasSize(1);
    var right = service("web3", Map.of("app", "web"), 8080);
    assertThat(facts.judge(new ServiceRules.TargetPortMismatch(), right)).isEmpty();
  }

  @Test
  void ingressToAMissingServiceAndToAPortTheServiceLacks() {
    service("web", Map.of("app", "web"), "http");
    var ingress =
        facts.add(
            new IngressBuilder()
                .withMetadata(meta("shop", "front").build())
                .withNewSpec()
                .addNewRule()
                .withHost("shop.example")
                .withNewHttp()
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
                .endHttp()
                .endRule()
                .addNewTl()
                .withSecretName("shop-tls")
                .endTl()
                .endSpec()
                .build());
    assertThat(facts.judge(new IngressRules.MissingBackend(), ingress))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en())
                  .contains("Service web has no port 8080", "Service api does not exist");
              assertThat(d.explanation().zh()).contains("不存在");
            });
    assertThat(facts.judge(new IngressRules.MissingTlsSecret(), ingress)).hasSize(1);
    var fine =
        facts.add(
            new IngressBuilder()
                .withMetadata(meta("shop", "ok").build())
                .withNewSpec()
                .withNewDefaultBackend()
                .withNewService()
                .withName("web")
                .withNewPort()
                .withName("http")
                .endPort()
                .endService()
                .endDefaultBackend()
                .endSpec()
                .build());
    assertThat(facts.judge(new IngressRules.MissingBackend(), fine)).isEmpty();
    assertThat(facts.judge(new IngressRules.MissingTlsSecret(), fine)).isEmpty();
  }

  KubeObjectView claim(String name, String storageClass, String phase) {
    return facts.add(
        new PersistentVolumeClaimBuilder()
            .withMetadata(meta("shop", name).build())
            .withNewSpec()
            .withStorageClassName(storageClass)
            .withAccessModes("ReadWriteOnce")
            .withNewResources()
            .withRequests(Map.of("storage", new Quantity("1Gi")))
            .endResources()
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .endStatus()
            .build());
  }

  @Test
  void pendingClaimSaysWhichCause() {
    facts.event(
        "PersistentVolumeClaim",
        "shop",
        "data",
        "Warning",
        "ProvisioningFailed",
        "storageclass.storage.k8s.io \"fast\" not found",
        30);
    var missingClass = claim("data", "fast", "Pending");
    assertThat(facts.judge(new PvcPendingRule(), missingClass))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en()).contains("StorageClass fast does not exist");
              assertThat(d.evidence())
                  .anyMatch(
                      e -> e.kind().equals(Evidence.EVENT) && e.value().contains("not found"));
            });
    var noDefault = claim("logs", null, "Pending");
    assertThat(facts.judge(new PvcPendingRule(), noDefault).getFirst().explanation().en())
        .contains("no default StorageClass");
    var none = claim("static", "", "Pending");
    assertThat(facts.judge(new PvcPendingRule(), none).getFirst().explanation().en())
        .contains("no Available PersistentVolume");
    facts.add(
        new StorageClassBuilder()
            .withMetadata(meta(null, "local").build())
            .withProvisioner("kubernetes.io/no-provisioner")
            .withVolumeBindingMode("WaitForFirstConsumer")
            .build());
    assertThat(facts.judge(new PvcPendingRule(), claim("waits", "local", "Pending"))).isEmpty();
    assertThat(facts.judge(new PvcPendingRule(), claim("bound", "local", "Bound"))).isEmpty();
  }

  KubeObjectView volume(String name, String phase, String reclaim) {
    return facts.add(
        new io.fabric8.kubernetes.api.model.PersistentVolumeBuilder()
            .withMetadata(meta(null, name).build())
            .withNewSpec()
            .withPersistentVolumeReclaimPolicy(reclaim)
            .withNewClaimRef()
            .withNamespace("shop")
            .withName("old")
            .endClaimRef()
            .endSpec()
            .withNewStatus()
            .withPhase(phase)
            .endStatus()
            .build());
  }

  @Test
  void failedAndRetainedVolumes() {
    assertThat(facts.judge(new VolumeRules.Failed(), volume("a", "Failed", "Delete")))
        .singleElement()
        .satisfies(d -> assertThat(d.explanation().en()).contains("is Failed"));
    assertThat(facts.judge(new VolumeRules.Released(), volume("b", "Released", "Retain")))
        .singleElement()
        .satisfies(d -> assertThat(d.explanation().en()).contains("its claim (shop/old)"));
    assertThat(facts.judge(new VolumeRules.Released(), volume("c", "Released", "Delete")))
        .isEmpty();
    assertThat(facts.judge(new VolumeRules.Failed(), volume("d", "Bound", "Retain"))).isEmpty();
  }

  @Test
  void quotaNearAndAtItsLimit() {
    facts.event(
        "ReplicaSet",
        "shop",
        "web-1",
        "Warning",
        "FailedCreate",
        "pods \"x\" is forbidden: exceeded quota: compute, requested: pods=1",
        10);
    var quota =
        facts.add(
            new ResourceQuotaBuilder()
                .withMetadata(meta("shop", "compute").build())
                .withNewStatus()
                .withHard(
                    Map.of(
                        "pods",
                        new Quantity("10"),
                        "requests.cpu",
                        new Quantity("4"),
                        "requests.memory",
                        new Quantity("8Gi"),
                        "services.loadbalancers",
                        new Quantity("0")))
                .withUsed(
                    Map.of(
                        "pods",
                        new Quantity("10"),
                        "requests.cpu",
                        new Quantity("3700m"),
                        "requests.memory",
                        new Quantity("1Gi"),
                        "services.loadbalancers",
                        new Quantity("0")))
                .endStatus()
                .build());
    assertThat(facts.judge(new QuotaNearLimitRule(), quota))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.explanation().en())
                  .contains("at its limit for pods", "90% or more of its limit for requests.cpu");
              assertThat(d.evidence())
                  .extracting(Evidence::value)
                  .contains("10 / 10 (100%)", "3700m / 4 (92%)");
              assertThat(d.evidence()).anyMatch(e -> e.kind().equals(Evidence.EVENT));
            });
    assertThat(facts.judge(new QuotaNearLimitRule(0.95), quota).getFirst().explanation().en())
        .doesNotContain("requests.cpu");
    var roomy =
        facts.add(
            new ResourceQuotaBuilder()
                .withMetadata(meta("shop", "roomy").build())
                .withNewStatus()
                .withHard(Map.of("pods", new Quantity("10")))
                .withUsed(Map.of("pods", new Quantity("2")))
                .endStatus()
                .build());
    assertThat(facts.judge(new QuotaNearLimitRule(), roomy)).isEmpty();
  }
}
