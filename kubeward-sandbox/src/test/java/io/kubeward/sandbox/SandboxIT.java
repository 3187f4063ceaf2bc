package io.kubeward.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
    // A fresh database, so that this start creates admin with a generated password.
    System.setProperty("kubeward.data-dir", dir.resolve("data").toString());
    sandbox = Sandbox.start(new Sandbox.Options(0, 4, dir.resolve("sandbox.kubeconfig")));
    client = sandbox.controlPlane().newAdminClient();
  }

  @AfterAll
  static void stop() {
    System.clearProperty("kubeward.data-dir");
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
  void samplePodsHaveGrowingLogsAndAPreviousContainer() {
    await()
        .atMost(DEADLINE)
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              Pod frontend =
                  client
                      .pods()
                      .inNamespace("shop")
                      .withLabel("app", "frontend")
                      .list()
                      .getItems()
                      .stream()
                      .filter(pod -> "Running".equals(pod.getStatus().getPhase()))
                      .findFirst()
                      .orElseThrow();
              var logs =
                  client.pods().inNamespace("shop").withName(frontend.getMetadata().getName());
              assertThat(logs.getLog()).startsWith("starting frontend").contains(" GET /");
              assertThat(logs.terminated().getLog()).contains("connection refused");
            });
  }

  @Test
  void kubeconfigForKubectlIsWritten() {
    assertThat(sandbox.kubeconfig()).exists().content().contains("server: https://127.0.0.1:");
  }

  private static HttpClient session;

  private static HttpResponse<String> get(String path, boolean authenticated) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build();
    HttpClient client = authenticated ? signedIn() : HTTP;
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Signs in as admin and changes the generated password, as the console asks at first login. */
  private static synchronized HttpClient signedIn() throws Exception {
    if (session != null) {
      return session;
    }
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    String password = sandbox.credentials().password();
    HttpResponse<String> login =
        client.send(
            json("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + password + "\"}")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(login.body()).contains("\"mustChangePassword\":true");
    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .findFirst()
            .orElseThrow()
            .getValue();
    HttpResponse<String> changed =
        client.send(
            json(
                    "/api/v1/auth/password",
                    "{\"currentPassword\":\""
                        + password
                        + "\",\"newPassword\":\"sandbox-admin-password\"}")
                .header("X-XSRF-TOKEN", xsrf)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
    session = client;
    return client;
  }

  private static HttpRequest.Builder json(String path, String body) {
    return HttpRequest.newBuilder(URI.create(sandbox.url() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }
}
