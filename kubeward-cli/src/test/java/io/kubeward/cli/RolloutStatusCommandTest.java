package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward rollout status} and {@code kubeward workload}: sentences and exit codes. */
class RolloutStatusCommandTest {

  private static final String ROLLOUT =
      "/api/v1/clusters/local/namespaces/shop/workloads/deployments/api/rollout";
  private static final String STUCK =
      """
      {"kind":"DEPLOYMENT","namespace":"shop","name":"api","phase":"STUCK",
       "reason":"ProgressDeadlineExceeded","desired":2,"updated":1,"ready":2,"available":2,
       "total":3,"revision":"2","message":"ReplicaSet \\"api-2\\" has timed out progressing.",
       "notReady":[{"name":"api-2-x","phase":"Pending","ready":"0/1","restarts":0,
         "problem":"ImagePullBackOff","reason":"ImagePullBackOff",
         "message":"Back-off pulling image \\"example/api:missing\\"",
         "findings":[{"id":"f1","rule":"pod.image-pull","severity":"CRITICAL",
           "title":"Image cannot be pulled","titleZh":"无法拉取镜像",
           "runbook":"/api/v1/diagnostics/rules/pod.image-pull/runbook"}]}]}""";

  private static String status(String phase, String reason, int updated) {
    return ("{\"kind\":\"DEPLOYMENT\",\"namespace\":\"shop\",\"name\":\"api\",\"phase\":\"%s\","
            + "\"reason\":\"%s\",\"desired\":2,\"updated\":%d,\"ready\":2,\"available\":%d,"
            + "\"total\":2,\"revision\":\"2\",\"notReady\":[]}")
        .formatted(phase, reason, updated, updated);
  }

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    environment =
        new HashMap<>(
            Map.of(
                "KUBEWARD_SERVER", server.url(),
                "KUBEWARD_TOKEN", "kw_secret",
                "KUBEWARD_CLUSTER", "local",
                "LANG", "en_US.UTF-8"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String... args) {
    return CliRun.run(home.resolve("cli.json"), environment, "", args);
  }

  @Test
  void aStuckRolloutSaysWhyAndExitsWithFour() {
    server.on("GET " + ROLLOUT, Answer.json(200, STUCK));
    CliRun run = cli("rollout", "status", "deploy/api", "-n", "shop");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out())
        .contains(
            "error: deployment \"api\" exceeded its progress deadline",
            "1 pod(s) of the new revision not ready",
            "api-2-x  0/1  ImagePullBackOff: Back-off pulling image",
            "Image cannot be pulled (pod.image-pull)");
  }

  @Test
  void inChineseToo() {
    environment.put("LANG", "zh_CN.UTF-8");
    server.on("GET " + ROLLOUT, Answer.json(200, STUCK));
    CliRun run = cli("rollout", "status", "deployment/api", "-n", "shop");
    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out()).contains("超过了进度期限", "无法拉取镜像");
  }

  @Test
  void watchFollowsTheStreamUntilTheRolloutIsComplete() {
    server.on("GET " + ROLLOUT, Answer.json(200, status("PROGRESSING", "UpdatingReplicas", 1)));
    server.on(
        "GET " + ROLLOUT + "/stream",
        new Answer(
            200,
            "text/event-stream",
            "event:rollout\ndata:"
                + status("PROGRESSING", "UpdatingReplicas", 1)
                + "\n\nevent:rollout\ndata:"
                + status("COMPLETE", "Complete", 2)
                + "\n\n",
            Map.of()));
    CliRun run =
        cli("rollout", "status", "deployments/api", "-n", "shop", "--watch", "--timeout", "1m");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsOnlyOnce("1 out of 2 new replicas have been updated")
        .contains("deployment \"api\" successfully rolled out");
  }

  @Test
  void aTargetWithoutKindIsAUsageError() {
    CliRun run = cli("rollout", "status", "api");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("KIND/NAME");
    assertThat(cli("workload", "gadget/x").exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
