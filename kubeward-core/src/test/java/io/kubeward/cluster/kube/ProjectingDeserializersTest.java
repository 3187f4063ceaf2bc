package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.cluster.domain.PodView;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectingDeserializersTest {

  private static final String POD =
      """
      {"apiVersion":"v1","kind":"Pod",
       "metadata":{"name":"web-1","namespace":"shop","uid":"u-1","resourceVersion":"41",
         "labels":{"app":"web"},
         "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d9",
           "uid":"rs-1","controller":true}]},
       "spec":{"nodeName":"node-1","containers":[{"name":"web","image":"nginx:1.27",
         "resources":{"requests":{"cpu":"%s","memory":"128Mi"}},
         "env":[{"name":"DB","valueFrom":{"secretKeyRef":{"name":"db","key":"url"}}}]}],
         "volumes":[{"name":"conf","configMap":{"name":"web-conf"}}]},
       "status":{"phase":"Running","podIP":"10.0.0.7",
         "containerStatuses":[{"name":"web","image":"nginx:1.27","ready":false,"restartCount":3,
           "state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off"}}}]}}
      """;

  private static final KubernetesSerialization CACHE = LeanSerialization.create();
  private static final KubernetesSerialization FULL = new KubernetesSerialization();

  private static String pod(String cpu) {
    return POD.formatted(cpu);
  }

  private static String podList(String cpu) {
    return """
        {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"42","continue":"next"},
         "items":[%s]}
        """
        .formatted(pod(cpu));
  }

  @Test
  void aListPageHoldsTheViewsOfItsObjectsNotTheObjects() {
    PodList page = CACHE.unmarshal(podList("100m"), PodList.class);

    Pod item = page.getItems().getFirst();
    assertThat(item.getSpec()).isNull();
    assertThat(item.getStatus()).isNull();
    assertThat(item.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(item.getMetadata().getName()).isEqualTo("web-1");
    assertThat(item.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(item.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(item.getMetadata().getResourceVersion()).isEqualTo("41");
    assertThat(ViewStub.viewOf(item))
        .isEqualTo(PodProjection.pod(FULL.unmarshal(pod("100m"), Pod.class)));
    assertThat(page.getMetadata().getContinue()).isEqualTo("next");
    assertThat(page.getMetadata().getResourceVersion()).isEqualTo("42");
  }

  @Test
  void theViewKeepsWhatTheConsoleShows() {
    PodView view =
        (PodView)
            ViewStub.viewOf(CACHE.unmarshal(podList("100m"), PodList.class).getItems().getFirst());

    assertThat(view.nodeName()).isEqualTo("node-1");
    assertThat(view.restarts()).isEqualTo(3);
    assertThat(view.labels()).containsEntry("app", "web");
    assertThat(view.diagnosis().containers())
        .singleElement()
        .satisfies(state -> assertThat(state.reason()).isEqualTo("CrashLoopBackOff"));
  }

  @Test
  void aWatchEventCarriesTheViewToo() {
    WatchEvent event =
        CACHE.unmarshal("{\"type\":\"MODIFIED\",\"object\":" + pod("100m") + "}", WatchEvent.class);

    assertThat(event.getObject()).isInstanceOf(Pod.class);
    Pod pod = (Pod) event.getObject();
    assertThat(pod.getSpec()).isNull();
    assertThat(ViewStub.viewOf(pod))
        .isEqualTo(PodProjection.pod(FULL.unmarshal(pod("100m"), Pod.class)));
  }

  @Test
  void anObjectWhoseProjectionFailsStaysWholeSoTheStoreFailsWhereItAlwaysDid() {
    Pod odd = FULL.unmarshal(pod("lots"), Pod.class);
    assertThatThrownBy(() -> PodProjection.pod(odd)).isInstanceOf(RuntimeException.class);

    Pod item = CACHE.unmarshal(podList("lots"), PodList.class).getItems().getFirst();

    assertThat(ViewStub.viewOf(item)).isNull();
    assertThat(item.getSpec().getNodeName()).isEqualTo("node-1");
    ProjectingItemStore<Pod, PodView> store =
        new ProjectingItemStore<>(PodProjection::pod, Pod::new);
    assertThatThrownBy(() -> store.put("shop/web-1", item)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void otherClientsStillDecodeFullObjects() {
    Pod pod = FULL.unmarshal(podList("100m"), PodList.class).getItems().getFirst();

    assertThat(ViewStub.viewOf(pod)).isNull();
    assertThat(pod.getSpec().getNodeName()).isEqualTo("node-1");
  }

  static Stream<CachedKind> typedKinds() {
    return Arrays.stream(CachedKind.values()).filter(kind -> !kind.metadataOnly());
  }

  @ParameterizedTest
  @MethodSource("typedKinds")
  void everyTypedKindOfTheTableIsDecodedIntoItsOwnView(CachedKind kind) {
    HasMetadata object = objectOf(kind.model());
    String json = FULL.asJson(object);

    HasMetadata decoded = CACHE.unmarshal(json, kind.model().type());

    assertThat(decoded).isInstanceOf(kind.model().type());
    assertThat(ViewStub.viewOf(decoded)).isEqualTo(project(kind.model(), object));
    assertThat(decoded.getMetadata().getName()).isEqualTo("thing");
  }

  private static <T extends HasMetadata> T objectOf(CachedKind.Model<T, ?> model) {
    T object = model.stubs().get();
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName("thing")
            .withNamespace("shop")
            .withUid("u-9")
            .withResourceVersion("7")
            .withCreationTimestamp("2026-12-04T10:00:00Z")
            .addToLabels("app", "web")
            .build());
    return object;
  }

  private static <T extends HasMetadata> KubeObjectView project(
      CachedKind.Model<T, ?> model, HasMetadata object) {
    Function<T, ? extends KubeObjectView> projection = model.projection();
    return projection.apply(model.type().cast(object));
  }
}
