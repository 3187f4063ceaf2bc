package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.kube.Impersonation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against an API whose first connections close without an answer, as stale pooled ones do. */
class ReconnectingHttpClientFactoryTest {

  private static final String NAMESPACE =
      "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}";

  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private volatile int drops = 1;
  private HttpServer api;
  private KubernetesClient kubeward;

  @BeforeEach
  void startAnApiThatDropsItsFirstConnections() throws IOException {
    api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          if (dropped.incrementAndGet() <= drops) {
            exchange.close();
            return;
          }
          byte[] body = NAMESPACE.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
  }

  @AfterEach
  void stop() {
    if (kubeward != null) {
      kubeward.close();
    }
    api.stop(0);
  }

  /** Kubeward's client with its retries; the person's client derived from it has none. */
  private KubernetesClient personOf(KubernetesClient client) {
    kubeward = client;
    return Impersonation.as(
        client, new KubeIdentity("kubeward:ada", List.of(KubeIdentity.USERS_GROUP)));
  }

  private Config config() {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl("http://127.0.0.1:" + api.getAddress().getPort())
        .build();
  }

  @Test
  void aPersonsReadWhoseConnectionClosedBeforeTheAnswerIsSentAgain() {
    KubernetesClient ada = personOf(ClusterConnection.clientBuilder(config()).build());

    assertThat(ada.namespaces().withName("shop").get().getMetadata().getName()).isEqualTo("shop");
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void aReadIsSentAtMostTwiceMoreThenTheClosedConnectionIsReported() {
    drops = 10;
    KubernetesClient ada = personOf(ClusterConnection.clientBuilder(config()).build());

    assertThatThrownBy(() -> ada.namespaces().withName("shop").get())
        .isInstanceOf(KubernetesClientException.class)
        .hasRootCauseMessage("Connection was closed");
    assertThat(requests.get()).isEqualTo(1 + ReconnectingHttpClientFactory.RESENDS);
  }

  @Test
  void aPersonsWriteIsNotSentAgainBecauseTheApiMayHaveAppliedIt() {
    KubernetesClient ada = personOf(ClusterConnection.clientBuilder(config()).build());

    assertThatThrownBy(
            () ->
                ada.namespaces()
                    .resource(
                        new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                            .withNewMetadata()
                            .withName("shop")
                            .endMetadata()
                            .build())
                    .create())
        .isInstanceOf(KubernetesClientException.class);
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void fabric8sOwnVertxClientGivesUpOnAPersonsReadWhichIsWhyThisFactoryExists() {
    KubernetesClient ada =
        personOf(
            new KubernetesClientBuilder()
                .withConfig(config())
                .withHttpClientFactory(new VertxHttpClientFactory())
                .build());

    assertThatThrownBy(() -> ada.namespaces().withName("shop").get())
        .isInstanceOf(KubernetesClientException.class)
        .hasRootCauseMessage("Connection was closed");
    assertThat(requests.get()).isEqualTo(1);
  }

  @Test
  void cancellingTheAnswerCancelsTheAttemptUnderWay() {
    CompletableFuture<String> sent = new CompletableFuture<>();

    ReconnectingHttpClientFactory.resent(() -> sent, 2).cancel(true);

    assertThat(sent).isCancelled();
  }

  @Test
  void aRefusedConnectionIsNotAClosedOne() {
    assertThat(ReconnectingHttpClientFactory.closedBeforeAnswer(new ConnectException("refused")))
        .isFalse();
    assertThat(
            ReconnectingHttpClientFactory.closedBeforeAnswer(
                new IOException("Connection was closed", new SocketException("reset"))))
        .isTrue();
  }
}
