package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.cluster.domain.PodView;
import org.junit.jupiter.api.Test;

class ProjectingItemStoreTest {

  private final ProjectingItemStore<Pod, PodView> store =
      new ProjectingItemStore<>(PodProjection::pod, Pod::new);

  private static Pod pod(String resourceVersion) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName("web-1")
        .withUid("u1")
        .withResourceVersion(resourceVersion)
        .addToLabels("app", "web")
        .addToAnnotations("big", "x".repeat(10_000))
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
        .endStatus()
        .build();
  }

  @Test
  void keepsTheViewAndHandsOutIdentityStubs() {
    Pod original = pod("5");
    String key = store.getKey(original);

    assertThat(store.put(key, original)).isNull();

    assertThat(key).isEqualTo("shop/web-1");
    assertThat(store.view(key).nodeName()).isEqualTo("node-0");
    Pod stub = store.get(key);
    assertThat(stub).isNotSameAs(original);
    assertThat(stub.getMetadata().getName()).isEqualTo("web-1");
    assertThat(stub.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(stub.getMetadata().getResourceVersion()).isEqualTo("5");
    assertThat(stub.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(stub.getSpec()).isNull();
    assertThat(store.isFullState()).isFalse();
  }

  @Test
  void putReturnsThePreviousVersionSoNoOpUpdatesCanBeSkipped() {
    store.put("shop/web-1", pod("5"));

    Pod previous = store.put("shop/web-1", pod("6"));

    assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("5");
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.views()).singleElement().extracting(PodView::resourceVersion).isEqualTo("6");
  }

  @Test
  void removeForgetsTheView() {
    store.put("shop/web-1", pod("5"));

    assertThat(store.remove("shop/web-1").getMetadata().getName()).isEqualTo("web-1");
    assertThat(store.views()).isEmpty();
    assertThat(store.keySet()).isEmpty();
    assertThat(store.remove("shop/web-1")).isNull();
  }

  @Test
  void aDecodedStubIsStoredWithTheViewItCarriesWithoutProjectingAgain() {
    PodView view = PodProjection.pod(pod("7"));
    ProjectingItemStore<Pod, PodView> neverProjects =
        new ProjectingItemStore<>(
            pod -> {
              throw new AssertionError("projected again");
            },
            Pod::new);

    neverProjects.put("shop/web-1", ViewStub.of(Pod::new, view));

    assertThat(neverProjects.view("shop/web-1")).isSameAs(view);
    assertThat(ViewStub.viewOf(neverProjects.get("shop/web-1"))).isSameAs(view);
    assertThat(neverProjects.get("shop/web-1").getMetadata().getResourceVersion()).isEqualTo("7");
  }
}
