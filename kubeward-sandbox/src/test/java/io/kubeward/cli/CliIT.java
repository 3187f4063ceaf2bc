package io.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubeward.server.KubewardServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.Workloads;
import io.kubeward.testkit.controlplane.ContainerLog;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CLI end to end: its {@code main} logic runs in this JVM against the real Kubeward server on
 * the local control plane, as a user would type the commands; every change is read back from the
 * cluster with the fabric8 client.
 */
@LocalControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

  private static final String PASSWORD = "cli-it-admin-password";
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static ConfigurableApplicationContext server;
  private static String url;
  private static KubernetesClient kube;
  private static ControlPlane plane;
  private static String node;
  private static String drainNode;
  private static String spareNode;
  private static String pool;
  private static final String POOL = "cli-it/pool";

  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    node = "cli-it-" + suffix;
    drainNode = "cli-drain-" + suffix;
    spareNode = "cli-spare-" + suffix;
    controlPlane.addNodes(
        List.of(
            FakeNode.inZone(node, "zone-c"),
            FakeNode.inZone(drainNode, "zone-c").withLabel(POOL, suffix),
            FakeNode.inZone(spareNode, "zone-c")));
    pool = suffix;
    kube = controlPlane.newAdminClient();
    plane = controlPlane;
    server =
        KubewardServer.start(
            "--kubeconfig=" + controlPlane.kubewardKubeconfig(),
            "--kubeward.cluster-name=local",
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.security.admin-password=" + PASSWORD);
    url = "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      List.of(node, drainNode, spareNode).forEach(n -> kube.nodes().withName(n).delete());
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static Run cli(Map<String, String> environment, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader(stdin)),
            environment,
            dir.resolve("home/.config/kubeward/cli.json"),
            null,
            Clock.systemUTC());
    int code = KubewardCli.run(args, context);
    // The transcript, as the user would see it, in the test's output (target/failsafe-reports).
    System.out.println(
        "$ kubeward " + String.join(" ", args) + "\n" + out + err + "(exit " + code + ")");
    return new Run(code, out.toString(), err.toString());
  }

  private static Run cli(String... args) {
    return cli(Map.of("LANG", "en_US.UTF-8"), "", args);
  }

  private static Node node(String name) {
    return kube.nodes().withName(name).get();
  }

  @Test
  @Order(1)
  void loginStoresAPersonalTokenOnlyTheOwnerCanRead() throws Exception {
    Run wrong =
        cli(
            Map.of(),
            "not-the-password\n",
            "login",
            "--server",
            url,
            "--user",
            "admin",
            "--password-stdin");
    assertThat(wrong.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(wrong.err().strip()).isEqualTo("The user name or password is wrong.");

    Run login =
        cli(
            Map.of(),
            PASSWORD + "\n",
            "login",
            "--server",
            url,
            "--user",
            "admin",
            "--password-stdin");

    assertThat(login.exitCode()).as(login.err()).isZero();
    Path config = dir.resolve("home/.config/kubeward/cli.json");
    assertThat(Files.getPosixFilePermissions(config))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(config))
        .contains("\"server\" : \"" + url + "\"")
        .doesNotContain(PASSWORD);
  }

  @Test
  @Order(2)
  void nodesListsTheClustersNodes() {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Run nodes = cli("nodes");
              assertThat(nodes.exitCode()).as(nodes.err()).isZero();
              assertThat(nodes.out())
                  .containsPattern(node + "\\s+Ready\\s+<none>\\s+zone-c\\s+0\\s");
            });
  }

  @Test
  @Order(3)
  void cordonAndUncordonChangeTheNodeAndAreAuditedAsCli() {
    Run cordon = cli("node", "cordon", node);

    assertThat(cordon.exitCode()).as(cordon.err()).isZero();
    assertThat(node(node).getSpec().getUnschedulable()).isTrue();
    Run audit = cli("audit", "--verb", "node.cordon", "-o", "json");
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    assertThat(audit.out())
        .containsPattern("\"origin\" : \"(?i:cli)\"")
        .contains("\"name\" : \"" + node + "\"");

    Run uncordon = cli("node", "uncordon", node);

    assertThat(uncordon.exitCode()).as(uncordon.err()).isZero();
    assertThat(node(node).getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  @Order(4)
  void labelAndTaintEditsShowTheDiffAndChangeTheNode() {
    Run label = cli("node", "label", node, "team=cli", "--yes");

    assertThat(label.exitCode()).as(label.err()).isZero();
    assertThat(label.out()).contains("team").contains("cli");
    assertThat(node(node).getMetadata().getLabels()).containsEntry("team", "cli");

    Run taint = cli("node", "taint", node, "maintenance=planned:NoSchedule", "--yes");

    assertThat(taint.exitCode()).as(taint.err()).isZero();
    assertThat(node(node).getSpec().getTaints())
        .extracting(Taint::getKey, Taint::getValue, Taint::getEffect)
        .contains(org.assertj.core.groups.Tuple.tuple("maintenance", "planned", "NoSchedule"));

    Run bad = cli("node", "taint", node, "other=x:Sometimes", "--yes");

    assertThat(bad.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(bad.err()).contains("Sometimes").doesNotContain("Exception");
    assertThat(node(node).getSpec().getTaints()).extracting(Taint::getKey).doesNotContain("other");

    Run removed = cli("node", "taint", node, "maintenance-", "--yes");
    assertThat(removed.exitCode()).as(removed.err()).isZero();
    assertThat(cli("node", "label", node, "team-", "--yes").exitCode()).isZero();
    assertThat(node(node).getSpec().getTaints())
        .extracting(Taint::getKey)
        .doesNotContain("maintenance");
    assertThat(node(node).getMetadata().getLabels()).doesNotContainKey("team");
  }

  @Test
  @Order(5)
  void anUnknownNodeIsOneSentenceInTheUsersLanguage() {
    Run english = cli("node", "get", "no-such-node");
    Run chinese = cli(Map.of("LANG", "zh_CN.UTF-8"), "", "node", "cordon", "no-such-node");

    assertThat(english.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(english.err().strip())
        .contains("no-such-node")
        .doesNotContain("Exception")
        .doesNotContain("\n");
    assertThat(chinese.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(chinese.err()).contains("no-such-node").contains("节点");
  }

  @Test
  @Order(6)
  void drainPreviewShowsEachPodsFateAndTheVerdict(TestNamespace namespace) {
    String ns = namespace.name();
    deployment(ns, "held", 2, node);
    kube.policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns)
        .resource(
            new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("held")
                .endMetadata()
                .withNewSpec()
                .withMinAvailable(new IntOrString(2))
                .withNewSelector()
                .addToMatchLabels("app", "held")
                .endSelector()
                .endSpec()
                .build())
        .create();
    awaitRunning(ns, "held", 2);

    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Run preview = cli("drain", node, "--preview");
              assertThat(preview.exitCode()).as(preview.err()).isZero();
              assertThat(preview.out())
                  .containsPattern(
                      ns + "\\s+held-\\S+\\s+ReplicaSet/held-\\S+\\s+BLOCKED_BY_PDB\\s+held\\s+0")
                  .contains("Verdict for node " + node + ": WILL_WAIT");
            });
    assertThat(node(node).getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
  }

  @Test
  @Order(7)
  void drainIsFollowedPodByPodToSucceededAndRespectsThePdb(TestNamespace namespace) {
    String ns = namespace.name();
    deployment(ns, "web", 2, Map.of(POOL, pool));
    kube.policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace(ns)
        .resource(
            new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .endSpec()
                .build())
        .create();
    awaitRunning(ns, "web", 2);
    // Only now may the pods move to the spare node: the drain must evict both from drainNode.
    // A merge patch without resourceVersion: KWOK's heartbeats change the node all the time.
    kube.nodes()
        .withName(spareNode)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"" + POOL + "\":\"" + pool + "\"}}}");

    Run drain = cli("drain", drainNode, "--timeout", "3m");

    assertThat(drain.exitCode()).as(drain.out() + drain.err()).isZero();
    assertThat(drain.out())
        .contains("Draining node " + drainNode + " as maintenance ")
        .contains("node " + drainNode + ": Draining")
        .containsPattern(ns + "/web-\\S+: EVICTING")
        .containsPattern(ns + "/web-\\S+: GONE")
        .contains("Node " + drainNode + " is drained");
    assertThat(node(drainNode).getSpec().getUnschedulable()).isTrue();
    assertThat(kube.pods().inNamespace(ns).list().getItems())
        .noneMatch(
            p ->
                drainNode.equals(p.getSpec().getNodeName())
                    && p.getMetadata().getDeletionTimestamp() == null);
    String name = drain.out().replaceAll("(?s).*as maintenance (\\S+) .*", "$1");
    Run list = cli("maintenance", "list");
    assertThat(list.out()).containsPattern(name + "\\s+Succeeded\\s+" + drainNode);
    assertThat(cli("node", "uncordon", drainNode).exitCode()).isZero();
  }

  private static void deployment(String namespace, String name, int replicas, String onNode) {
    deployment(namespace, name, replicas, Map.of("kubernetes.io/hostname", onNode));
  }

  private static void deployment(
      String namespace, String name, int replicas, Map<String, String> nodeSelector) {
    kube.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(Workloads.deployment(name, replicas, nodeSelector))
        .create();
  }

  private static void awaitRunning(String namespace, String app, int count) {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                kube.pods().inNamespace(namespace).withLabel("app", app).list().getItems().stream()
                        .filter(CliIT::ready)
                        .count()
                    == count);
  }

  @Test
  @Order(8)
  void logsPrintsAContainersLogAndThePodsOfASelectorPrefixed(TestNamespace namespace) {
    ContainerLog log =
        ContainerLog.create(dir.resolve("logs/" + namespace.name() + ".log"))
            .append("first line", "second line", "third line");
    plane.debugging().logs(namespace.name(), "talker", log);
    kube.pods()
        .inNamespace(namespace.name())
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("talker")
                .withLabels(Map.of("app", "cli-logs"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage(Workloads.IMAGE)
                .endContainer()
                .endSpec()
                .build())
        .create();
    plane.debugging().awaitLogsServed(namespace.name(), "talker", "app", DEADLINE);
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                cli("logs", "-l", "app=cli-logs", "-n", namespace.name()).out().contains("third"));

    Run tail = cli("logs", "talker", "-n", namespace.name(), "--tail", "2");
    assertThat(tail.exitCode()).as(tail.err()).isZero();
    assertThat(tail.out()).isEqualTo("second line\nthird line\n");

    Run pods = cli("logs", "-l", "app=cli-logs", "-n", namespace.name(), "--color", "never");
    assertThat(pods.exitCode()).isZero();
    assertThat(pods.out())
        .contains("talker app first line\n", "talker app second line\n", "talker app third line\n");

    Run missing = cli("logs", "ghost", "-n", namespace.name());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).contains("ghost").doesNotContain("\n");
    Run badTail = cli("logs", "talker", "-n", namespace.name(), "--tail", "-5");
    assertThat(badTail.exitCode()).isEqualTo(2);
    assertThat(badTail.err()).contains("tailLines");
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
