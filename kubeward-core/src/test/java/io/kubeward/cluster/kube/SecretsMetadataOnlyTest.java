package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ObjectView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Secrets are listed and watched as PartialObjectMetadata: the requests for secrets ask only for
 * metadata, so the apiserver never sends a secret's data, and the views hold none.
 */
@EnableKubernetesMockClient(crud = true)
class SecretsMetadataOnlyTest {

  static KubernetesClient client;
  static KubernetesMockServer server;

  @Test
  void secretRequestsAskForMetadataOnly() throws InterruptedException {
    client
        .secrets()
        .inNamespace("shop")
        .resource(
            new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace("shop")
                .endMetadata()
                .addToStringData("password", "s3cr3t")
                .build())
        .create();

    try (ClusterCache cache = ClusterCache.start("mock", client)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> cache.views(CachedKind.SECRETS).size() == 1);
      ObjectView secret = (ObjectView) cache.views(CachedKind.SECRETS).all().iterator().next();
      assertThat(secret.name()).isEqualTo("db");
      assertThat(secret.fields()).isEmpty();
      assertThat(secret.toString()).doesNotContain("s3cr3t").doesNotContain("czNjcjN0");

      List<RecordedRequest> secretRequests = new ArrayList<>();
      RecordedRequest request;
      while ((request = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
        if (request.getPath().contains("/secrets") && "GET".equals(request.getMethod())) {
          secretRequests.add(request);
        }
      }
      assertThat(secretRequests).isNotEmpty();
      assertThat(secretRequests)
          .allSatisfy(
              r ->
                  assertThat(r.getHeader("Accept"))
                      .contains("as=PartialObjectMetadata")
                      .doesNotContain("application/json,"));
      assertThat(secretRequests)
          .anySatisfy(
              r ->
                  assertThat(r.getHeader("Accept"))
                      .isEqualTo(MetadataOnlyListerWatcher.ACCEPT_LIST));
    }
  }
}
