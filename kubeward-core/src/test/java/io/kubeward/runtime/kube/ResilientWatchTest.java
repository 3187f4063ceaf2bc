package io.kubeward.runtime.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListMetaBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubeward.runtime.app.ObjectWatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A watch answered with 410 Gone (its resourceVersion expired) is not the end: the object is read
 * again and watched from the fresh resourceVersion. (The IT does the same against a restarted
 * apiserver.)
 */
class ResilientWatchTest {

  static final ResourceDefinitionContext KIND =
      new ResourceDefinitionContext.Builder()
          .withGroup("kubeward.io")
          .withVersion("v1alpha1")
          .withKind("NodeMaintenance")
          .withPlural("nodemaintenances")
          .withNamespaced(false)
          .build();
  static final String BASE = "/apis/kubeward.io/v1alpha1/nodemaintenances";
  static final String LIST = BASE + "?fieldSelector=metadata.name%3Dm";

  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  static GenericKubernetesResource object(String rv, String phase) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("kubeward.io/v1alpha1")
        .withKind("NodeMaintenance")
        .withNewMetadata()
        .withName("m")
        .withResourceVersion(rv)
        .endMetadata()
        .addToAdditionalProperties("status", java.util.Map.of("phase", phase))
        .build();
  }

  static GenericKubernetesResourceList list(String rv, GenericKubernetesResource item) {
    GenericKubernetesResourceList list = new GenericKubernetesResourceList();
    list.setMetadata(new ListMetaBuilder().withResourceVersion(rv).build());
    list.setItems(List.of(item));
    return list;
  }

  static String watchPath(String rv) {
    return BASE
        + "?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dm&resourceVersion="
        + rv
        + "&watch=true";
  }

  @Test
  void anExpiredWatchIsFollowedByAReadAndANewWatch() {
    server.expect().get().withPath(LIST).andReturn(200, list("10", object("5", "Running"))).once();
    server
        .expect()
        .get()
        .withPath(watchPath("10"))
        .andUpgradeToWebSocket()
        .open()
        .waitFor(50)
        .andEmit(
            new WatchEvent(
                new StatusBuilder()
                    .withCode(410)
                    .withReason("Expired")
                    .withMessage("too old resource version")
                    .build(),
                "ERROR"))
        .done()
        .once();
    server
        .expect()
        .get()
        .withPath(LIST)
        .andReturn(200, list("20", object("7", "Succeeded")))
        .once();
    server
        .expect()
        .get()
        .withPath(watchPath("20"))
        .andUpgradeToWebSocket()
        .open()
        .waitFor(50)
        .andEmit(new WatchEvent(object("8", "Succeeded"), "DELETED"))
        .done()
        .once();

    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean deleted = new AtomicBoolean();
    ResilientWatch<String> watch =
        ResilientWatch.start(
            "NodeMaintenance",
            client.genericKubernetesResources(KIND),
            "m",
            r ->
                r.getMetadata().getResourceVersion()
                    + ":"
                    + ((java.util.Map<?, ?>) r.getAdditionalProperties().get("status"))
                        .get("phase"),
            new ObjectWatcher<>() {
              @Override
              public void changed(String object) {
                seen.add(object);
              }

              @Override
              public void deleted() {
                deleted.set(true);
              }
            });

    await().atMost(Duration.ofSeconds(20)).untilTrue(deleted);
    assertThat(seen).containsExactly("5:Running", "7:Succeeded");
    assertThat(watch.restarts()).isEqualTo(1);
    watch.close();
  }
}
