package io.kubeward.backup.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubeward.backup.domain.BackupScope;
import io.kubeward.backup.domain.ObjectFailure;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ResourceSelection.ApiResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists page by page with continue tokens, hands each object over at once, and tells failures (a
 * named kind that is forbidden) from skipped kinds (a forbidden kind the scope did not name).
 */
class ResourceCollectorTest {

  KubernetesMockServer server;
  KubernetesClient client;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
    server
        .expect()
        .get()
        .withPath("/apis")
        .andReturn(200, new APIGroupListBuilder().build())
        .always();
    server
        .expect()
        .get()
        .withPath("/api/v1")
        .andReturn(
            200,
            new APIResourceListBuilder()
                .withGroupVersion("v1")
                .withResources(
                    resource("configmaps", "ConfigMap", true),
                    resource("secrets", "Secret", true),
                    resource("podtemplates", "PodTemplate", true),
                    resource("namespaces", "Namespace", false))
                .build())
        .always();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop")
        .andReturn(
            200, new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .always();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  private static io.fabric8.kubernetes.api.model.APIResource resource(
      String plural, String kind, boolean namespaced) {
    return new APIResourceBuilder()
        .withName(plural)
        .withKind(kind)
        .withNamespaced(namespaced)
        .withVerbs("get", "list", "watch")
        .build();
  }

  private static String configMaps(String continueToken, String... names) {
    StringBuilder items = new StringBuilder();
    for (String name : names) {
      items
          .append(items.isEmpty() ? "" : ",")
          .append("{\"metadata\":{\"name\":\"")
          .append(name)
          .append("\",\"namespace\":\"shop\"},\"data\":{\"k\":\"v\"}}");
    }
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMapList\",\"metadata\":{"
        + (continueToken == null ? "" : "\"continue\":\"" + continueToken + "\"")
        + "},\"items\":["
        + items
        + "]}";
  }

  private static String forbidden(String what) {
    return io.fabric8.kubernetes.client.utils.Serialization.asJson(
        new StatusBuilder()
            .withStatus("Failure")
            .withCode(403)
            .withReason("Forbidden")
            .withMessage(what + " is forbidden: User \"kubeward:ana\" cannot list resource")
            .build());
  }

  /** What the sink got, in order. */
  static final class Recorded implements ResourceCollector.Sink {
    final List<String> added = new ArrayList<>();
    final List<ObjectFailure> failed = new ArrayList<>();
    final List<ObjectFailure> skipped = new ArrayList<>();
    long found;

    @Override
    public void found(long objects) {
      found += objects;
    }

    @Override
    public void add(ApiResource resource, ObjectRef ref, Map<String, Object> object) {
      assertThat(object).containsEntry("apiVersion", "v1").containsKey("kind");
      added.add(ref.kind() + " " + ref.name());
    }

    @Override
    public void fail(ObjectFailure failure) {
      failed.add(failure);
    }

    @Override
    public void skip(ObjectFailure kind) {
      skipped.add(kind);
    }
  }

  @Test
  void listsPageByPageAndSeparatesNamedFailuresFromSkippedKinds() throws Exception {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/configmaps?limit=2")
        .andReturn(200, configMaps("c1", "a", "b"))
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/configmaps?continue=c1&limit=2")
        .andReturn(200, configMaps(null, "c"))
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/secrets?limit=2")
        .andReturn(403, forbidden("secrets"))
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/podtemplates?limit=2")
        .andReturn(403, forbidden("podtemplates"))
        .once();
    Recorded sink = new Recorded();
    BackupScope scope =
        new BackupScope(
            List.of("shop"),
            null,
            List.of("configmaps", "secrets", "podtemplates"),
            null,
            null,
            null,
            null,
            true);

    new ResourceCollector(client, 2).collect(scope, sink);

    assertThat(sink.added)
        .containsExactly("Namespace shop", "ConfigMap a", "ConfigMap b", "ConfigMap c");
    assertThat(sink.found).isEqualTo(4);
    // named (and Secrets asked for): failures naming the kind with the apiserver's sentence
    assertThat(sink.failed)
        .extracting(f -> f.object().kind() + " " + f.object().name())
        .containsExactly("Secret *", "PodTemplate *");
    assertThat(sink.failed.get(0).reason()).contains("secrets is forbidden", "kubeward:ana");
    assertThat(sink.skipped).isEmpty();
  }

  @Test
  void aForbiddenKindTheScopeDidNotNameIsSkippedNotFailed() throws Exception {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/configmaps?limit=500")
        .andReturn(200, configMaps(null, "a"))
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/podtemplates?limit=500")
        .andReturn(403, forbidden("podtemplates"))
        .once();
    Recorded sink = new Recorded();
    BackupScope scope = new BackupScope(List.of("shop"), null, null, null, null, null, null, null);

    new ResourceCollector(client).collect(scope, sink);

    assertThat(sink.added).containsExactly("Namespace shop", "ConfigMap a");
    assertThat(sink.failed).isEmpty();
    assertThat(sink.skipped).extracting(f -> f.object().kind()).containsExactly("PodTemplate");
  }
}
