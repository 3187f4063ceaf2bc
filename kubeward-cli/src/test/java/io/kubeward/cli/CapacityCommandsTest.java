package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cli.FakeKubeward.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubeward capacity} and {@code kubeward what-if}: requests, columns and exit codes. */
class CapacityCommandsTest {

  private static final String CAPACITY = "/api/v1/clusters/local/capacity";
  private static final String WHAT_IF = "/api/v1/clusters/local/capacity/what-if";

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
            "KUBEWARD_CLUSTER", "local",
            "LANG", "en_US.UTF-8");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CliRun cli(String... args) {
    return CliRun.run(home.resolve("cli.json"), environment, "", args);
  }

  private static String group(String kind, String name, String outlook) {
    return """
        {"kind":"%s","name":"%s","nodeNames":["a","b"],
         "cpu":{"allocatable":4000,"requested":1000,"used":500,"headroom":400,"requestable":2600},
         "memory":{"allocatable":8589934592,"requested":1073741824,"used":null,"headroom":858993460,"requestable":6657200128},
         "pods":{"allocatable":220,"requested":10,"used":10,"headroom":22,"requestable":188},
         "forecasts":[{"resource":"cpu","outlook":"%s","daysToExhaustion":12.6,"horizonDays":90},
                      {"resource":"memory","outlook":"not-within-horizon","daysToExhaustion":null,"horizonDays":90}]}
        """
        .formatted(kind, name, outlook);
  }

  @Test
  void capacityPrintsEachPoolWithWhatCanStillBeRequestedAndDaysToExhaustion() {
    server.on(
        "GET " + CAPACITY,
        Answer.json(
            200,
            """
            {"cluster":"local","headroomPercent":10,"total":%s,"pools":[%s],"zones":[]}
            """
                .formatted(
                    group("cluster", "local", "within-horizon"),
                    group("pool", "gpu", "exhausted"))));

    CliRun run = cli("capacity");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("10 %").contains("(cluster local)").contains("gpu");
    assertThat(run.out()).contains("4000m/1000m/500m").contains("2600m").contains("in 12 days");
    assertThat(run.out()).contains("already").contains("not within 90d");
    assertThat(server.only("GET", CAPACITY).query()).isEqualTo("forecast=true");
  }

  @Test
  void whatIfReplicasAsksTheServerAndExitsNonZeroWhenAPodWouldStayPending() {
    server.on(
        "GET " + WHAT_IF,
        Answer.json(
            200,
            """
            {"question":"replicas","subject":"Deployment shop/web","pods":2,"fitting":1,
             "allFit":false,"summary":"1 of 2 pods fit (Deployment shop/web)",
             "placements":[{"pod":"web-new-1","node":"kw-1","tiedWith":[],"reasons":[]},
               {"pod":"web-new-2","node":null,"tiedWith":[],"reasons":[],
                "explanation":"3 nodes: insufficient cpu"}],
             "drained":[],"notRecreated":[]}
            """));

    CliRun run = cli("what-if", "replicas", "deployment/web", "-n", "shop", "--add", "2");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_SUCCEEDED);
    assertThat(run.out())
        .contains("1 of 2 pods fit")
        .contains("web-new-1")
        .contains("kw-1")
        .contains("3 nodes: insufficient cpu");
    assertThat(server.only("GET", WHAT_IF).query())
        .isEqualTo("question=replicas&kind=deployment&name=web&namespace=shop&replicas=2");
  }

  @Test
  void whatIfDrainNamesTheNodeAndAWorkloadMustBeKindSlashName() {
    server.on(
        "GET " + WHAT_IF,
        Answer.json(
            200,
            """
            {"question":"drain","subject":"node kw-1","pods":0,"fitting":0,"allFit":true,
             "summary":"0 of 0 pods fit (node kw-1)","placements":[],"drained":["kw-1"],
             "notRecreated":["shop/bare"]}
            """));

    CliRun drain = cli("what-if", "drain", "--node", "kw-1");
    assertThat(drain.exitCode()).as(drain.err()).isZero();
    assertThat(drain.out()).contains("Drained (cordoned): kw-1").contains("shop/bare");
    assertThat(server.only("GET", WHAT_IF).query()).isEqualTo("question=drain&node=kw-1");

    CliRun bad = cli("what-if", "replicas", "web", "--add", "1");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("KIND/NAME");
  }
}
