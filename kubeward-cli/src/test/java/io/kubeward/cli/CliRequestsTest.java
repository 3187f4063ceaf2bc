package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requests the CLI sends and how it prints answers, against a canned server on 127.0.0.1. */
class CliRequestsTest {

  private static final String NODES = "/api/v1/clusters/local/resources/nodes";
  private static final String NODE = "/api/v1/clusters/local/nodes/kwok-1";

  @TempDir Path home;
  private FakeKubeward server;
  private Path config;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws Exception {
    server = new FakeKubeward();
    server.on(
        "GET /api/v1/clusters", Answer.json(200, "[{\"name\":\"local\",\"defaultCluster\":true}]"));
    config = home.resolve(".config/kubeward/cli.json");
    environment =
        Map.of(
            "KUBEWARD_SERVER", server.url(), "KUBEWARD_TOKEN", "kw_secret", "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String... args) {
    return CliRun.run(config, environment, "", args);
  }

  @Test
  void loginSignsInCreatesATokenWithTheCsrfHeaderAndStoresItOwnerOnly() throws Exception {
    server
        .on(
            "POST /api/v1/auth/login",
            new Answer(
                200,
                "application/json",
                "{\"username\":\"ops\",\"admin\":false,\"mustChangePassword\":false,\"grants\":[]}",
                Map.of("Set-Cookie", "XSRF-TOKEN=csrf-123; Path=/")))
        .on(
            "POST /api/v1/auth/tokens",
            Answer.json(
                201,
                "{\"id\":\"t1\",\"name\":\"cli\",\"expiresAt\":\"2027-02-20T05:00:00Z\",\"token\":\"kw_new\"}"))
        .on("POST /api/v1/auth/logout", new Answer(204, "application/json", "", Map.of()));

    CliRun run =
        CliRun.run(
            config,
            Map.of(),
            "s3cret-password\n",
            "login",
            "--server",
            server.url() + "/",
            "--user",
            "ops",
            "--password-stdin");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Signed in to " + server.url() + " as ops")
        .contains(config.toString());
    FakeKubeward.Request login = server.only("POST", "/api/v1/auth/login");
    assertThat(Json.MAPPER.readTree(login.body()))
        .isEqualTo(Json.MAPPER.readTree("{\"username\":\"ops\",\"password\":\"s3cret-password\"}"));
    assertThat(login.header("X-Kubeward-Client")).isEqualTo("cli");
    FakeKubeward.Request token = server.only("POST", "/api/v1/auth/tokens");
    assertThat(token.header("X-XSRF-TOKEN")).isEqualTo("csrf-123");
    assertThat(Json.MAPPER.readTree(token.body()).get("expiresInDays").asInt()).isEqualTo(90);
    assertThat(Json.MAPPER.readTree(token.body()).get("name").asText())
        .startsWith("kubeward-cli on ");
    JsonNode stored = Json.MAPPER.readTree(Files.readString(config));
    assertThat(stored.get("server").asText()).isEqualTo(server.url());
    assertThat(stored.get("token").asText()).isEqualTo("kw_new");
    assertThat(Files.getPosixFilePermissions(config)).isEqualTo(CliConfig.OWNER_ONLY);
    assertThat(Files.readString(config)).doesNotContain("s3cret");
  }

  @Test
  void loginWithAWrongPasswordPrintsTheServersSentenceAndStoresNothing() {
    server.on(
        "POST /api/v1/auth/login",
        Answer.problem(401, "auth.invalid-credentials", "The user name or password is wrong."));

    CliRun run =
        CliRun.run(
            config,
            Map.of(),
            "nope\n",
            "login",
            "--server",
            server.url(),
            "--user",
            "ops",
            "--password-stdin");

    assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(run.err().strip()).isEqualTo("The user name or password is wrong.");
    assertThat(config).doesNotExist();
  }

  @Test
  void everyRequestCarriesTheTokenTheClientAndTheLanguageFromLang() {
    server.on(
        "GET " + NODES,
        Answer.json(
            200,
            """
            {"items":[
              {"name":"kwok-1","ready":true,"unschedulable":true,"zone":"zone-a","pressures":[],
               "labels":{"node-role.kubernetes.io/worker":""},"kubeletVersion":"v1.33.0",
               "createdAt":"2026-11-22T04:00:00Z"},
              {"name":"kwok-2","ready":false,"unschedulable":false,"zone":null,"pressures":["DiskPressure"],
               "labels":{},"kubeletVersion":"v1.33.0","createdAt":"2026-11-22T04:59:00Z"}],
             "total":2,"continue":null}"""));

    CliRun run =
        CliRun.run(
            config,
            Map.of(
                "KUBEWARD_SERVER",
                server.url(),
                "KUBEWARD_TOKEN",
                "kw_secret",
                "LANG",
                "zh_CN.UTF-8"),
            "",
            "nodes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("kwok-1   Ready,SchedulingDisabled   worker   zone-a   0")
        .contains("kwok-2   NotReady,DiskPressure")
        .contains("60m")
        .contains("60s");
    for (FakeKubeward.Request request : server.requests) {
      assertThat(request.header("Authorization")).isEqualTo("Bearer kw_secret");
      assertThat(request.header("X-Kubeward-Client")).isEqualTo("cli");
      assertThat(request.header("Accept-Language")).isEqualTo("zh-CN");
    }
    assertThat(server.only("GET", NODES).query()).contains("limit=500");
  }

  @Test
  void anExplicitClusterIsUsedWithoutAskingTheServer() {
    server.on(
        "POST /api/v1/clusters/prod%20eu/nodes/kwok-1/cordon",
        Answer.json(200, "{\"name\":\"kwok-1\"}"));

    CliRun run = cli("node", "cordon", "kwok-1", "--cluster", "prod eu");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Node kwok-1 cordoned");
    assertThat(server.requests)
        .extracting(FakeKubeward.Request::path)
        .containsExactly("/api/v1/clusters/prod%20eu/nodes/kwok-1/cordon");
  }

  @Test
  void taintReadsTheNodePreviewsTheFullDesiredSetAndAppliesItWithYes() throws Exception {
    server
        .on(
            "GET " + NODE,
            Answer.json(
                200,
                """
                {"name":"kwok-1","labels":{"a":"1"},
                 "taints":[{"key":"old","value":null,"effect":"NoSchedule"}]}"""))
        .on(
            "POST " + NODE + "/metadata/preview",
            Answer.json(
                200, "{\"changed\":true,\"diff\":\"-  old:NoSchedule\\n+  maint=yes:NoExecute\"}"))
        .on("PUT " + NODE + "/metadata", Answer.json(200, "{\"name\":\"kwok-1\"}"));

    CliRun run = cli("node", "taint", "kwok-1", "maint=yes:NoExecute", "old-", "--yes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("+  maint=yes:NoExecute").contains("Node kwok-1 updated.");
    JsonNode desired =
        Json.MAPPER.readTree(
            "{\"labels\":{\"a\":\"1\"},\"taints\":[{\"key\":\"maint\",\"value\":\"yes\",\"effect\":\"NoExecute\"}]}");
    assertThat(Json.MAPPER.readTree(server.only("POST", NODE + "/metadata/preview").body()))
        .isEqualTo(desired);
    assertThat(Json.MAPPER.readTree(server.only("PUT", NODE + "/metadata").body()))
        .isEqualTo(desired);
  }

  @Test
  void aLabelChangeThatIsNotConfirmedChangesNothing() {
    server
        .on(
            "GET " + NODE,
            Answer.json(200, "{\"name\":\"kwok-1\",\"labels\":{\"a\":\"1\"},\"taints\":[]}"))
        .on(
            "POST " + NODE + "/metadata/preview",
            Answer.json(200, "{\"changed\":true,\"diff\":\"+  b: 2\"}"));

    CliRun run = CliRun.run(config, environment, "n\n", "node", "label", "kwok-1", "b=2");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("Apply this change? [y/N]").contains("Not applied");
    assertThat(server.requests).noneMatch(r -> r.method().equals("PUT"));
  }

  @Test
  void aBadLabelExpressionIsAUsageErrorBeforeAnyChange() {
    server.on("GET " + NODE, Answer.json(200, "{\"name\":\"kwok-1\",\"labels\":{},\"taints\":[]}"));

    CliRun run = cli("node", "label", "kwok-1", "justakey");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("\"justakey\" is not a label change");
    assertThat(server.requests)
        .noneMatch(r -> r.method().equals("POST") || r.method().equals("PUT"));
  }

  @Test
  void aProblemIsOneSentenceAndExitCodeTwo() {
    server.on("GET " + NODE, Answer.problem(404, "node.not-found", "Node kwok-1 does not exist."));

    CliRun run = cli("node", "get", "kwok-1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(run.err()).isEqualTo("Node kwok-1 does not exist." + System.lineSeparator());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnreachableServerIsExitCodeThreeWithItsUrl() {
    String url = server.url();
    server.close();

    CliRun run =
        CliRun.run(
            config,
            Map.of("KUBEWARD_SERVER", url, "KUBEWARD_TOKEN", "t"),
            "",
            "nodes",
            "--cluster",
            "local");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
    assertThat(run.err())
        .startsWith("cannot reach Kubeward at " + url + ": ")
        .doesNotContain("Exception");
  }

  @Test
  void withoutLoginTheCliSaysHowToSignIn() {
    CliRun run = CliRun.run(config, Map.of(), "", "nodes");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("kubeward login --server URL --user NAME");
  }

  @Test
  void usageErrorsAreExitCodeOne() {
    assertThat(cli("drain").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(cli("nodes", "--bogus").err())
        .contains("Unknown option: '--bogus'")
        .contains("kubeward nodes --help");
    CliRun badTimeout = cli("drain", "kwok-1", "--timeout", "soon");
    assertThat(badTimeout.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(badTimeout.err()).contains("--timeout: \"soon\" is not a duration");
    assertThat(server.requests).noneMatch(r -> r.path().contains("/drain"));
  }

  @Test
  void drainPreviewPrintsEachPodsFateAndTheVerdict() {
    server.on(
        "GET " + NODE + "/drain-preview",
        Answer.json(
            200,
            """
            {"node":"kwok-1","verdict":"WILL_WAIT","pods":[
              {"namespace":"shop","name":"web-1","ownerKind":"ReplicaSet","ownerName":"web-7d","fate":"BLOCKED_BY_PDB",
               "pdb":"web","disruptionsAllowed":0,"reason":"PDB web allows no disruption now"},
              {"namespace":"kube-system","name":"proxy-x","ownerKind":"DaemonSet","ownerName":"proxy","fate":"SKIP_DAEMONSET",
               "pdb":null,"disruptionsAllowed":null,"reason":null}]}"""));

    CliRun run = cli("drain", "kwok-1", "--preview", "--delete-emptydir-data");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("shop\\s+web-1\\s+ReplicaSet/web-7d\\s+BLOCKED_BY_PDB\\s+web\\s+0")
        .containsPattern("kube-system\\s+proxy-x\\s+DaemonSet/proxy\\s+SKIP_DAEMONSET")
        .contains("Verdict for node kwok-1: WILL_WAIT");
    assertThat(server.only("GET", NODE + "/drain-preview").query())
        .isEqualTo("force=false&deleteEmptyDirData=true");
  }

  private static String view(
      String phase, String step, String drainState, String pods, String blockers) {
    return ("{\"name\":\"drain-kwok-1\",\"phase\":\"%s\",\"message\":null,\"nodes\":[{\"name\":\"kwok-1\",\"step\":\"%s\","
            + "\"drain\":{\"node\":\"kwok-1\",\"state\":\"%s\",\"pods\":[%s],\"blockers\":[%s],\"message\":null}}]}")
        .formatted(phase, step, drainState, pods, blockers);
  }

  private static String pod(String name, String state, int attempts) {
    return "{\"namespace\":\"shop\",\"name\":\"%s\",\"state\":\"%s\",\"pdb\":\"web\",\"attempts\":%d,\"message\":null}"
        .formatted(name, state, attempts);
  }

  @Test
  void drainCreatesTheMaintenanceAndFollowsItPodByPodToSuccess() throws Exception {
    server
        .on(
            "POST " + NODE + "/drain",
            Answer.json(201, view("Pending", "Pending", "RUNNING", "", "")))
        .on(
            "GET /api/v1/clusters/local/maintenances/drain-kwok-1/watch",
            Answer.events(
                view(
                    "Running",
                    "Draining",
                    "RUNNING",
                    pod("web-1", "EVICTING", 1) + "," + pod("web-2", "PENDING", 0),
                    ""),
                view(
                    "Running",
                    "Draining",
                    "RUNNING",
                    pod("web-1", "GONE", 1) + "," + pod("web-2", "EVICTING", 1),
                    ""),
                view(
                    "Running",
                    "Draining",
                    "RUNNING",
                    pod("web-1", "GONE", 1) + "," + pod("web-2", "EVICTING", 1),
                    ""),
                view(
                    "Succeeded",
                    "Done",
                    "SUCCEEDED",
                    pod("web-1", "GONE", 1) + "," + pod("web-2", "GONE", 2),
                    "")));

    CliRun run = cli("drain", "kwok-1", "--force", "--grace-period", "5", "--timeout", "10m");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    JsonNode body = Json.MAPPER.readTree(server.only("POST", NODE + "/drain").body());
    assertThat(body)
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"force\":true,\"deleteEmptyDirData\":false,\"gracePeriodSeconds\":5,\"timeoutSeconds\":600,\"uncordon\":false}"));
    assertThat(
            server
                .only("GET", "/api/v1/clusters/local/maintenances/drain-kwok-1/watch")
                .header("Accept"))
        .isEqualTo("text/event-stream");
    assertThat(run.out())
        .contains("Draining node kwok-1 as maintenance drain-kwok-1")
        .contains("05:00:00  node kwok-1: Draining")
        .contains("shop/web-1: EVICTING (PDB web)")
        .contains("shop/web-2: PENDING")
        .contains("shop/web-1: GONE")
        .contains("shop/web-2: GONE (attempt 2, PDB web)")
        .contains("maintenance drain-kwok-1: Succeeded")
        .containsPattern("shop\\s+web-2\\s+GONE\\s+2\\s+web")
        .contains("Node kwok-1 is drained: 2 GONE.");
    assertThat(run.out().split("shop/web-1: GONE", -1)).hasSize(2);
    String out = run.out();
    assertThat(out.indexOf("shop/web-2: GONE"))
        .isLessThan(out.indexOf("node kwok-1: Done"))
        .isLessThan(out.indexOf("maintenance drain-kwok-1: Succeeded"));
    assertThat(out.indexOf("node kwok-1: Done"))
        .isLessThan(out.indexOf("maintenance drain-kwok-1: Succeeded"));
  }

  @Test
  void aDrainThatTimesOutNamesTheBlockingPdbAndItsPodsAndExitsFour() {
    String blocker = "{\"namespace\":\"shop\",\"pdb\":\"web\",\"pods\":[\"web-1\",\"web-2\"]}";
    server
        .on(
            "POST " + NODE + "/drain",
            Answer.json(201, view("Pending", "Pending", "RUNNING", "", "")))
        .on(
            "GET /api/v1/clusters/local/maintenances/drain-kwok-1/watch",
            Answer.events(
                view(
                    "Running",
                    "Draining",
                    "BLOCKED",
                    pod("web-1", "BLOCKED", 3) + "," + pod("web-2", "BLOCKED", 3),
                    blocker),
                view(
                    "Failed",
                    "Failed",
                    "TIMED_OUT",
                    pod("web-1", "BLOCKED", 9) + "," + pod("web-2", "BLOCKED", 9),
                    blocker)));

    CliRun run = cli("drain", "kwok-1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out())
        .contains("drain of kwok-1 is blocked: PodDisruptionBudget shop/web blocks web-1, web-2");
    assertThat(run.err().strip())
        .isEqualTo(
            "The drain of node kwok-1 ended TIMED_OUT: PodDisruptionBudget shop/web blocks web-1, web-2. The node stays cordoned.");
  }

  @Test
  void aWatchThatEndsEarlyReadsTheStateAgainAndReconnects() {
    server
        .on(
            "GET /api/v1/clusters/local/maintenances/m1",
            Answer.json(
                200,
                "{\"name\":\"m1\",\"phase\":\"Succeeded\",\"nodes\":[{\"name\":\"a\",\"step\":\"Done\"}]}"))
        .on(
            "GET /api/v1/clusters/local/maintenances/m1/watch",
            Answer.events(
                "{\"name\":\"m1\",\"phase\":\"Running\",\"nodes\":[{\"name\":\"a\",\"step\":\"Draining\"}]}"));

    CliRun run = cli("maintenance", "watch", "m1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("node a: Draining")
        .contains("node a: Done")
        .contains("Maintenance m1 succeeded.");
  }

  @Test
  void aStreamThatFallsSilentIsGivenUpAndTheStateReadAgain() {
    server
        .on(
            "GET /api/v1/clusters/local/maintenances/m1",
            Answer.json(
                200,
                "{\"name\":\"m1\",\"phase\":\"Succeeded\",\"nodes\":[{\"name\":\"a\",\"step\":\"Done\"}]}"))
        .on(
            "GET /api/v1/clusters/local/maintenances/m1/watch",
            Answer.silentAfter(
                "{\"name\":\"m1\",\"phase\":\"Running\",\"nodes\":[{\"name\":\"a\",\"step\":\"Draining\"}]}"));

    CliRun run =
        CliRun.run(
            config,
            Map.of(
                "KUBEWARD_SERVER", server.url(),
                "KUBEWARD_TOKEN", "kw_secret",
                "LANG", "en_US.UTF-8",
                "KUBEWARD_STREAM_IDLE_SECONDS", "1"),
            "",
            "maintenance",
            "watch",
            "m1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("node a: Draining").contains("Maintenance m1 succeeded.");
  }

  @Test
  void aMaintenanceDeletedWhileFollowedEndsTheFollowWithASentence() {
    server.on(
        "GET /api/v1/clusters/local/maintenances/m1/watch",
        Answer.deleted(
            "{\"name\":\"m1\",\"phase\":\"Running\",\"nodes\":[{\"name\":\"a\",\"step\":\"Action\"}]}"));

    CliRun run = cli("maintenance", "watch", "m1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out()).contains("node a: Action");
    assertThat(run.err()).contains("Maintenance m1 was deleted before it finished");
  }

  @Test
  void maintenanceCreateSendsTheSpecOfAYamlNodeMaintenance() throws Exception {
    Path file = home.resolve("nm.yaml");
    Files.writeString(
        file,
        """
        apiVersion: kubeward.io/v1alpha1
        kind: NodeMaintenance
        metadata:
          name: kernel-upgrade
        spec:
          nodeSelector:
            matchLabels:
              pool: blue
          concurrency: 1
          uncordon: true
        """);
    server.on(
        "POST /api/v1/clusters/local/maintenances",
        Answer.json(201, "{\"name\":\"kernel-upgrade\",\"phase\":\"Pending\"}"));

    CliRun run = cli("maintenance", "create", "-f", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Maintenance kernel-upgrade created (Pending)");
    assertThat(
            Json.MAPPER.readTree(server.only("POST", "/api/v1/clusters/local/maintenances").body()))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"nodeSelector\":{\"matchLabels\":{\"pool\":\"blue\"}},\"concurrency\":1,\"uncordon\":true,\"name\":\"kernel-upgrade\"}"));
  }

  @Test
  void healthAsksForActiveDetectionsUnlessAll() {
    server.on(
        "GET /api/v1/clusters/local/node-health",
        Answer.json(
            200,
            "{\"items\":[{\"node\":\"kwok-1\",\"type\":\"NotReady\",\"startedAt\":\"2026-11-22T04:00:00Z\",\"endedAt\":null,\"message\":\"Ready is False\"}]}"));

    CliRun active = cli("health", "--node", "kwok-1");
    CliRun all = cli("health", "--all");

    assertThat(active.out())
        .containsPattern("kwok-1\\s+NotReady\\s+2026-11-22T04:00:00Z\\s+-\\s+Ready is False");
    assertThat(
            server.requests.stream()
                .filter(r -> r.path().endsWith("/node-health"))
                .map(FakeKubeward.Request::query))
        .containsExactly("active=true&node=kwok-1", null);
    assertThat(all.exitCode()).isZero();
  }

  @Test
  void maintenancePreviewPrintsTheBatchesAndEachNodesVerdict() throws Exception {
    Path file = home.resolve("spec.json");
    Files.writeString(file, "{\"nodes\":[\"a\",\"b\"],\"concurrency\":1}");
    server.on(
        "POST /api/v1/clusters/local/maintenances/preview",
        Answer.json(
            200,
            """
            {"batches":[["a"],["b"]],"drains":{
              "a":{"node":"a","verdict":"CAN_DRAIN_NOW","pods":[{"fate":"EVICT"},{"fate":"SKIP_DAEMONSET"}]},
              "b":{"node":"b","verdict":"REFUSED","pods":[{"fate":"NEEDS_FORCE"},{"fate":"BLOCKED_BY_PDB"}]}}}"""));

    CliRun run = cli("maintenance", "preview", "-f", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("  1. a\n  2. b")
        .containsPattern("a\\s+CAN_DRAIN_NOW\\s+1\\s+1\\s+0\\s+0")
        .containsPattern("b\\s+REFUSED\\s+0\\s+0\\s+1\\s+1");
    assertThat(
            Json.MAPPER.readTree(
                server.only("POST", "/api/v1/clusters/local/maintenances/preview").body()))
        .isEqualTo(Json.MAPPER.readTree("{\"nodes\":[\"a\",\"b\"],\"concurrency\":1}"));
  }

  @Test
  void theConfigFileFollowsKubewardConfigThenXdgThenHome() {
    Path home = Path.of("/home/u");
    assertThat(CliContext.defaultConfigFile(Map.of("KUBEWARD_CONFIG", "/etc/kw.json"), home))
        .isEqualTo(Path.of("/etc/kw.json"));
    assertThat(CliContext.defaultConfigFile(Map.of("XDG_CONFIG_HOME", "/x"), home))
        .isEqualTo(Path.of("/x/kubeward/cli.json"));
    assertThat(CliContext.defaultConfigFile(Map.of(), home))
        .isEqualTo(Path.of("/home/u/.config/kubeward/cli.json"));
  }
}
