package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubeward scale|rollout|set image|cronjob|delete}: the requests sent and what is printed.
 */
class WorkloadOpsCommandsTest {

  private static final String W = "/api/v1/clusters/local/namespaces/shop/workloads/";
  private static final String ANSWER =
      "{\"workload\":{\"kind\":\"Deployment\",\"replicas\":3},\"auditId\":42,\"warnings\":"
          + "[{\"code\":\"hpa-managed\",\"message\":\"m\",\"params\":{\"hpa\":\"web\",\"min\":\"1\",\"max\":\"4\"}}],"
          + "\"job\":null,\"diff\":null,\"dryRun\":false}";

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    server.on(
        "GET /api/v1/clusters", Answer.json(200, "[{\"name\":\"local\",\"defaultCluster\":true}]"));
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(), "KUBEWARD_TOKEN", "kw_secret", "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(Map<String, String> env, String... args) {
    return CliRun.run(home.resolve("cli.json"), env, "", args);
  }

  @Test
  void scaleSendsTheReplicasAndPrintsTheHpaWarningAndTheAuditRecord() throws Exception {
    server.on("POST " + W + "deployments/web/scale", Answer.json(200, ANSWER));
    CliRun run = cli(environment, "scale", "deploy/web", "--replicas", "3", "-n", "shop");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode body = Json.MAPPER.readTree(server.only("POST", W + "deployments/web/scale").body());
    assertThat(body.get("replicas").asInt()).isEqualTo(3);
    assertThat(run.out())
        .contains("deploy/web scaled to 3 replicas.")
        .contains("HorizontalPodAutoscaler web scales this workload between 1 and 4")
        .contains("Audit record 42.");

    Map<String, String> chinese = new java.util.HashMap<>(environment);
    chinese.put("LANG", "zh_CN.UTF-8");
    CliRun zh = cli(chinese, "scale", "deploy/web", "--replicas", "3", "-n", "shop");
    assertThat(zh.out()).contains("已伸缩至 3 个副本").contains("审计记录 42");
  }

  @Test
  void undoDryRunShowsTheDiffAndDefaultsToThePreviousRevision() throws Exception {
    server
        .on(
            "GET " + W + "deployments/web/revisions",
            Answer.json(
                200,
                "[{\"revision\":3,\"current\":true,\"source\":\"ReplicaSet/web-3\",\"images\":[\"a:3\"]},"
                    + "{\"revision\":2,\"current\":false,\"source\":\"ReplicaSet/web-2\",\"images\":[\"a:2\"]}]"))
        .on(
            "POST " + W + "deployments/web/rollback",
            Answer.json(
                200,
                "{\"workload\":null,\"auditId\":-1,\"warnings\":[],\"dryRun\":true,"
                    + "\"diff\":{\"from\":0,\"to\":2,\"unified\":\"-    image: a:3\\n+    image: a:2\\n\",\"changed\":true}}"));
    CliRun run = cli(environment, "rollout", "undo", "deployment/web", "-n", "shop", "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode body =
        Json.MAPPER.readTree(server.only("POST", W + "deployments/web/rollback").body());
    assertThat(body.get("revision").asLong()).isEqualTo(2);
    assertThat(body.get("dryRun").asBoolean()).isTrue();
    assertThat(run.out()).contains("+    image: a:2").contains("Dry run");

    CliRun history = cli(environment, "rollout", "history", "deployment/web", "-n", "shop");
    assertThat(history.out()).contains("REVISION").contains("ReplicaSet/web-3").contains("a:2");
  }

  @Test
  void setImageTriggerAndDeleteSendWhatKubectlWould() throws Exception {
    server
        .on("POST " + W + "statefulsets/db/image", Answer.json(200, ANSWER))
        .on(
            "POST " + W + "cronjobs/report/trigger",
            Answer.json(
                200,
                "{\"auditId\":7,\"warnings\":[],\"job\":{\"namespace\":\"shop\",\"name\":\"report-manual-1\",\"uid\":\"u\"}}"))
        .on("DELETE " + W + "deployments/web", Answer.json(200, "{\"auditId\":8,\"warnings\":[]}"));
    CliRun set =
        cli(environment, "set", "image", "sts/db", "db=registry.example/db:2", "-n", "shop");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(
            Json.MAPPER
                .readTree(server.only("POST", W + "statefulsets/db/image").body())
                .get("images")
                .get("db")
                .asText())
        .isEqualTo("registry.example/db:2");
    CliRun trigger = cli(environment, "cronjob", "trigger", "report", "-n", "shop");
    assertThat(trigger.out()).contains("Job report-manual-1 created");
    CliRun delete = cli(environment, "delete", "deployment/web", "--cascade=orphan", "-n", "shop");
    assertThat(delete.exitCode()).as(delete.err()).isZero();
    assertThat(server.only("DELETE", W + "deployments/web").query()).isEqualTo("cascade=orphan");
    assertThat(cli(environment, "scale", "web", "--replicas", "1").exitCode())
        .isEqualTo(ExitCode.USAGE);
  }
}
