package io.kubeward.exec.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusMessage;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.cluster.app.ClusterApiException;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.exec.app.ExecGateway;
import io.kubeward.exec.domain.ExecCommand;
import io.kubeward.exec.domain.PodTarget;
import io.kubeward.exec.domain.TerminalSize;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exec request the gateway sends, with the caller's identity, and a refusal translated. */
class KubeExecGatewayTest {

  private static final String FORBIDDEN =
      """
      {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","code":403,
       "message":"pods \\"web\\" is forbidden: User \\"kubeward:vera\\" cannot create resource \\"pods/exec\\" in API group \\"\\" in the namespace \\"team\\""}
      """;

  private KubernetesMockServer server;
  private KubernetesClient client;
  private KubeExecGateway gateway;

  @BeforeEach
  void start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    // CRUD for the pod (fabric8 looks at it before an exec), expectations for the exec itself
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    client = server.createClient();
    ClusterAccess impersonating =
        new ClusterAccess(ClusterAccess.Mode.IMPERSONATE, "ok", Instant.now());
    gateway = new KubeExecGateway(ClusterClients.fixed(client, impersonating));
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  private static Caller vera() {
    return new Caller(
        new Principal("vera", List.of(new Grant(Role.VIEWER, Scope.everywhere()))),
        Origin.CONSOLE,
        "127.0.0.1");
  }

  @Test
  void execIsRequestedAsTheCallerWithTtyContainerAndCommandAndARefusalNamesThePermission()
      throws Exception {
    createRunningPod();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/team/pods/web/exec?command=%2Fbin%2Fsh&container=app&tty=true"
                + "&stdin=true&stdout=true")
        .andReturn(403, FORBIDDEN)
        .always();

    assertThatThrownBy(
            () ->
                gateway.exec(
                    vera(),
                    new PodTarget("c1", "team", "web", "app"),
                    ExecCommand.shell("/bin/sh"),
                    new TerminalSize(80, 24)))
        .isInstanceOfSatisfying(
            ClusterApiException.class,
            e -> {
              assertThat(e.code())
                  .as(e.getMessage() + " / " + e.properties())
                  .isEqualTo("resource.forbidden");
              assertThat(e.getMessage()).contains("pods/exec");
            });

    RecordedRequest request;
    do {
      request = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(request).isNotNull();
    } while (!request.getPath().contains("/exec"));
    String path = URLDecoder.decode(request.getPath(), StandardCharsets.UTF_8);
    assertThat(path)
        .startsWith("/api/v1/namespaces/team/pods/web/exec?")
        .contains("command=/bin/sh", "container=app", "stdin=true", "stdout=true", "tty=true")
        .doesNotContain("stderr=true");
    assertThat(request.getHeader("Impersonate-User")).isEqualTo("kubeward:vera");
  }

  private void createRunningPod() {
    client
        .pods()
        .inNamespace("team")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("team")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("busybox")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build())
        .create();
  }

  @Test
  void aCommandsOutputAndExitCodeComeThroughTheConnection() throws Exception {
    createRunningPod();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/team/pods/web/exec?command=pwd&container=app&stdin=true"
                + "&stdout=true&stderr=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(200)
        .andEmit(new OutputStreamMessage("/work\n"))
        .waitFor(100)
        .andEmit(new StatusMessage(0))
        .done()
        .always();

    try (ExecGateway.ExecConnection exec =
        gateway.exec(
            vera(),
            new PodTarget("c1", "team", "web", "app"),
            ExecCommand.explicit(List.of("pwd"), 100),
            null)) {
      assertThat(exec.stderr()).isNotNull();
      assertThat(exec.exit().get(10, TimeUnit.SECONDS)).isZero();
      assertThat(new String(exec.stdout().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("/work\n");
    }
  }

  @Test
  void theExitCodeIsTakenFromGosProcessErrorWhenTheKubeletDidNotWrapIt() {
    Status internal =
        new io.fabric8.kubernetes.api.model.StatusBuilder()
            .withStatus("Failure")
            .withReason("InternalError")
            .withMessage(
                "Internal error occurred: error executing command in container: cmd wait: sh -c"
                    + " exit status 9; exit 3: exit status 3")
            .build();
    assertThat(KubeExecGateway.exitCode(-1, internal)).isEqualTo(3);
    assertThat(KubeExecGateway.exitCode(-1, new Status())).isEqualTo(-1);
    assertThat(KubeExecGateway.exitCode(-1, null)).isEqualTo(-1);
    assertThat(KubeExecGateway.exitCode(0, internal)).isZero();
    assertThat(KubeExecGateway.exitCode(null, internal)).isNull();
  }
}
