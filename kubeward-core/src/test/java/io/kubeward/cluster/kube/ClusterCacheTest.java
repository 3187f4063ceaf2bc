package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.NodeProjection;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodProblem;
import io.kubeward.cluster.domain.PodView;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ClusterCacheTest {

  static KubernetesClient client;

  private ClusterCache cache;
  private KubernetesClient cacheClient;

  @AfterEach
  void close() {
    if (cache != null) {
      cache.close();
    }
    if (cacheClient != null) {
      cacheClient.close();
    }
  }

  private static Pod pod(String name, String waitingReason) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-0")
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .addNewContainerStatus()
        .withName("app")
        .withNewState()
        .withNewWaiting()
        .withReason(waitingReason)
        .endWaiting()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  @Test
  void keepsCompactViewsOfEveryKindAndFollowsChanges() {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-0")
                .withLabels(Map.of(NodeProjection.ZONE_LABEL, "zone-a"))
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .withAllocatable(Map.of("cpu", new Quantity("4")))
                .endStatus()
                .build())
        .create();
    client.pods().resource(pod("web-1", "CrashLoopBackOff")).create();
    client
        .apps()
        .deployments()
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .endSpec()
                .build())
        .create();
    client
        .services()
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .build())
        .create();

    // As in production (ClusterConnection#newCacheClient): objects are decoded into their views.
    cacheClient =
        new KubernetesClientBuilder()
            .withConfig(client.getConfiguration())
            .withKubernetesSerialization(LeanSerialization.create())
            .build();
    cache = ClusterCache.start("mock", cacheClient);

    await().atMost(Duration.ofSeconds(20)).until(cache::hasSynced);
    ClusterSnapshot snapshot = cache.snapshot();
    assertThat(snapshot.nodes())
        .singleElement()
        .satisfies(n -> assertThat(n.zone()).isEqualTo("zone-a"));
    assertThat(snapshot.nodes().iterator().next().allocatable().cpuMillis()).isEqualTo(4000);
    assertThat(snapshot.namespaces()).extracting("name").containsExactly("shop");
    assertThat(snapshot.pods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.name()).isEqualTo("web-1");
              assertThat(p.phase()).isEqualTo(PodPhase.RUNNING);
              assertThat(p.problem()).isEqualTo(PodProblem.CRASH_LOOP_BACK_OFF);
              assertThat(p.uid()).isNotBlank();
              assertThat(p.resourceVersion()).isNotBlank();
            });
    assertThat(snapshot.deployments())
        .singleElement()
        .satisfies(d -> assertThat(d.desired()).isEqualTo(2));
    assertThat(snapshot.services()).extracting("name").containsExactly("web");

    client.pods().resource(pod("web-2", "ImagePullBackOff")).create();
    client.pods().inNamespace("shop").withName("web-1").delete();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(cache.snapshot().pods())
                    .extracting(PodView::name, PodView::problem)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "web-2", PodProblem.IMAGE_PULL_BACK_OFF)));
  }
}
