package io.kubeward.logs.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.common.KubewardException;
import io.kubeward.logs.domain.LogOptions;
import io.kubeward.logs.domain.LogRequestException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log requests the adapter sends as the caller, and how it reads the refusals. */
class KubePodLogsTest {

  private static final String LOG = "/api/v1/namespaces/shop/pods/web-1/log";
  private static final Caller ALICE =
      new Caller(new Principal("alice", List.of()), Origin.API, "127.0.0.1");

  private KubernetesMockServer server;
  private KubernetesClient client;
  private KubePodLogs logs;

  @BeforeEach
  void start() {
    server = new KubernetesMockServer(false);
    server.init();
    client = server.createClient();
    ClusterAccess impersonating =
        new ClusterAccess(ClusterAccess.Mode.IMPERSONATE, "ok", Instant.now());
    logs = new KubePodLogs(ClusterClients.fixed(client, impersonating), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  private static LogOptions options(String container, boolean previous) {
    return new LogOptions(container, true, previous, true, 600L, null, 100, 1_048_576);
  }

  @Test
  void asksTheApiserverAsTheCallerWithEveryOption() throws Exception {
    server
        .expect()
        .get()
        .withPath(
            LOG
                + "?container=app&follow=true&timestamps=true&sinceSeconds=600&tailLines=100"
                + "&limitBytes=1048576")
        .andReturn(200, "2026-12-03T10:00:00Z one\n2026-12-03T10:00:01Z two\n")
        .once();

    try (InputStream body = logs.open(ALICE, "c", "shop", "web-1", options("app", false))) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("2026-12-03T10:00:00Z one\n2026-12-03T10:00:01Z two\n");
    }
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Impersonate-User")).isEqualTo("kubeward:alice");
    assertThat(request.getHeaders().headers("Impersonate-Group")).contains("kubeward:users");
  }

  @Test
  void sinceTimeAndPreviousAreSentAsTheApiserverSpellsThem() throws Exception {
    server
        .expect()
        .get()
        .withPath(LOG + "?previous=true&sinceTime=2026-12-03T09%3A00%3A00Z&limitBytes=1000")
        .andReturn(200, "x\n")
        .once();
    LogOptions options =
        new LogOptions(
            null, false, true, false, null, Instant.parse("2026-12-03T09:00:00Z"), null, 1000);
    try (InputStream body = logs.open(ALICE, "c", "shop", "web-1", options)) {
      assertThat(body.readAllBytes()).hasSize(2);
    }
  }

  @Test
  void aRefusalNamesTheMissingPodsLogPermission() {
    server
        .expect()
        .get()
        .withPath(
            LOG
                + "?container=app&follow=true&timestamps=true&sinceSeconds=600&tailLines=100&limitBytes=1048576")
        .andReturn(
            403,
            status(
                403,
                "Forbidden",
                "pods \\\"web-1\\\" is forbidden: User \\\"kubeward:alice\\\" cannot get resource"
                    + " \\\"pods/log\\\" in API group \\\"\\\" in the namespace \\\"shop\\\""))
        .once();

    assertThatThrownBy(() -> logs.open(ALICE, "c", "shop", "web-1", options("app", false)))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ClusterApiException.FORBIDDEN);
              assertThat(e.properties().get("reason").toString()).contains("pods/log");
            });
  }

  @Test
  void theLogSpecificRefusalsBecomeTheirOwnProblems() {
    String base =
        LOG
            + "?container=%s&follow=true%s&timestamps=true&sinceSeconds=600&tailLines=100&limitBytes=1048576";
    server
        .expect()
        .get()
        .withPath(base.formatted("nope", ""))
        .andReturn(400, status(400, "BadRequest", "container nope is not valid for pod web-1"))
        .once();
    server
        .expect()
        .get()
        .withPath(base.formatted("app", "&previous=true"))
        .andReturn(
            400,
            status(
                400,
                "BadRequest",
                "previous terminated container \\\"app\\\" in pod \\\"web-1\\\" not found"))
        .once();

    assertThatThrownBy(() -> logs.open(ALICE, "c", "shop", "web-1", options("nope", false)))
        .isInstanceOfSatisfying(
            LogRequestException.class,
            e -> assertThat(e.code()).isEqualTo(LogRequestException.CONTAINER_NOT_FOUND));
    assertThatThrownBy(() -> logs.open(ALICE, "c", "shop", "web-1", options("app", true)))
        .isInstanceOfSatisfying(
            LogRequestException.class,
            e -> assertThat(e.code()).isEqualTo(LogRequestException.PREVIOUS_ABSENT));
  }

  @Test
  void aMissingPodIsNotFound() {
    server
        .expect()
        .get()
        .withPath(LOG + "?limitBytes=10")
        .andReturn(
            404,
            """
            {"kind":"Status","apiVersion":"v1","status":"Failure","code":404,"reason":"NotFound",
             "message":"pods \\"web-1\\" not found","details":{"name":"web-1","kind":"pods"}}
            """)
        .once();
    LogOptions options = new LogOptions(null, false, false, false, null, null, null, 10);
    assertThatThrownBy(() -> logs.open(ALICE, "c", "shop", "web-1", options))
        .isInstanceOfSatisfying(
            KubewardException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ClusterApiException.NOT_FOUND);
              assertThat(e.properties()).containsEntry("namespace", "shop");
            });
  }

  private static String status(int code, String reason, String message) {
    return """
        {"kind":"Status","apiVersion":"v1","status":"Failure","code":%d,"reason":"%s",
         "message":"%s"}
        """
        .formatted(code, reason, message);
  }
}
