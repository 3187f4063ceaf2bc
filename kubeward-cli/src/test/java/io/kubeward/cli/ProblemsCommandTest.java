package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward problems}: the fleet-wide request, the table and the clusters that are away. */
class ProblemsCommandTest {

  private static final String PATH = "/api/v1/problem-pods";

  private static final String ANSWER =
      """
      {"items":[
        {"cluster":"prod","pod":{"namespace":"shop","name":"web-1","problem":"CrashLoopBackOff",
         "phase":"Running","ready":"0/1","restarts":7,"nodeName":"node-2"}},
        {"cluster":"edge","pod":{"namespace":"shop","name":"db-0","problem":"Unschedulable",
         "phase":"Pending","ready":"0/1","restarts":0,"nodeName":null}}],
       "total":5,"complete":false,
       "clusters":[
        {"cluster":"prod","availability":"READY","total":4,"shown":1,"code":null,"message":null,"details":{}},
        {"cluster":"edge","availability":"READY","total":1,"shown":1,"code":null,"message":null,"details":{}},
        {"cluster":"lab","availability":"UNREACHABLE","total":0,"shown":0,"code":"cluster.unreachable",
         "message":"Kubeward cannot reach the API of cluster \\"lab\\"","details":{}}]}
      """;

  @TempDir Path home;
  private FakeKubeward server;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(),
            "KUBEWARD_TOKEN", "kw_secret",
            "KUBEWARD_CLUSTER", "prod",
            "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void searchesEveryClusterNotTheDefaultOneAndNamesTheClustersThatAreAway() {
    server.on("GET " + PATH, Answer.json(200, ANSWER));

    CliRun run = CliRun.run(home.resolve("cli.json"), environment, "", "problems");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.only("GET", PATH).query()).isNull();
    assertThat(run.out())
        .contains("CLUSTER")
        .containsPattern(
            "prod\\s+shop\\s+web-1\\s+CrashLoopBackOff\\s+Running\\s+0/1\\s+7\\s+node-2")
        .containsPattern("edge\\s+shop\\s+db-0\\s+Unschedulable\\s+Pending")
        .contains("2 of 5 pod(s) with a problem shown, 3 cluster(s) searched.")
        .contains("Cluster lab: UNREACHABLE (Kubeward cannot reach the API of cluster \"lab\")")
        .contains("Incomplete: some clusters did not answer");
  }

  @Test
  void passesTheFiltersAsSent() {
    server.on(
        "GET " + PATH,
        Answer.json(
            200,
            """
            {"items":[],"total":0,"complete":true,"clusters":[
             {"cluster":"edge","availability":"READY","total":0,"shown":0,"details":{}}]}
            """));

    CliRun run =
        CliRun.run(
            home.resolve("cli.json"),
            environment,
            "",
            "problems",
            "--cluster",
            "edge",
            "-n",
            "shop",
            "--reason",
            "OOMKilled",
            "--limit",
            "10");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.only("GET", PATH).query())
        .isEqualTo("cluster=edge&namespace=shop&reason=OOMKilled&limit=10");
    assertThat(run.out()).contains("No pod with a problem in the 1 cluster(s) searched.");
    assertThat(run.out()).doesNotContain("Incomplete");
  }

  @Test
  void speaksChinese() {
    server.on("GET " + PATH, Answer.json(200, ANSWER));
    Map<String, String> chinese = new java.util.HashMap<>(environment);
    chinese.put("LANG", "zh_CN.UTF-8");

    CliRun run = CliRun.run(home.resolve("cli.json"), chinese, "", "problems");

    assertThat(run.out()).contains("显示 2 个异常 Pod（共 5 个），已搜索 3 个集群。").contains("结果不完整");
  }
}
