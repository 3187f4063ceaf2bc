package io.kubeward.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, minus the shell: cluster, sample workloads and server. */
class SandboxIT {

  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static Sandbox sandbox;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    sandbox = Sandbox.start(new Sandbox.Options(0, 4, dir.resolve("sandbox.kubeconfig")));
    client = sandbox.controlPlane().newAdminClient();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void bannerShowsTheUrlAndTheFirstLoginCredentials() {
    String banner = Sandbox.banner(sandbox);

    assertThat(banner)
        .contains(sandbox.url())
        .contains("admin / " + sandbox.credentials().password())
        .contains("--kubeconfig " + sandbox.kubeconfig());
    assertThat(sandbox.credentials().generated()).isTrue();
  }

  @Test
  void overviewShowsTheSampleClusterIncludingItsProblems() {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get("/api/v1/overview", true);
              assertThat(response.statusCode()).isEqualTo(200);
              String body = response.body();
              assertThat(body)
                  .contains("\"total\":4,\"ready\":4")
                  .contains("\"zone\":\"zone-a\"")
                  .contains("\"zone\":\"zone-b\"")
                  .containsPattern("\"CrashLoopBackOff\":[1-9]")
                  .containsPattern("\"ImagePullBackOff\":[1-9]")
                  .containsPattern("\"Unschedulable\":[1-9]");
            });
  }

  @Test
  void anonymousRequestsAreRefused() throws Exception {
    assertThat(get("/api/v1/overview", false).statusCode()).isEqualTo(401);
    assertThat(get("/healthz", false).statusCode()).isEqualTo(200);
  }

  @Test
  void brokenNamespaceHoldsTheUnhealthyExamples() {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              List<Pod> oversized =
                  client
                      .pods()
                      .inNamespace("broken")
                      .withLabel("app", "oversized")
                      .list()
                      .getItems();
              assertThat(oversized)
                  .singleElement()
                  .satisfies(
                      pod ->
                          assertThat(pod.getStatus().getConditions())
                              .anyMatch(
                                  c ->
                                      "PodScheduled".equals(c.getType())
                                          && "Unschedulable".equals(c.getReason())));
            });
    List<EndpointSlice> orphanSlices =
        client
            .discovery()
            .v1()
            .endpointSlices()
            .inNamespace("broken")
            .withLabel("kubernetes.io/service-name", "orphan")
            .list()
            .getItems();
    assertThat(orphanSlices).allSatisfy(slice -> assertThat(slice.getEndpoints()).isNullOrEmpty());
    assertThat(client.services().inNamespace("broken").withName("orphan").get()).isNotNull();
  }

  @Test
  void kubeconfigForKubectlIsWritten() {
    assertThat(sandbox.kubeconfig()).exists().content().contains("server: https://127.0.0.1:");
  }

  private static HttpResponse<String> get(String path, boolean authenticated) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url() + path));
    if (authenticated) {
      String basic = sandbox.credentials().username() + ":" + sandbox.credentials().password();
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
