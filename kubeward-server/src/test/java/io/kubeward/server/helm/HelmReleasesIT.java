package io.kubeward.server.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.helm.HelmBinary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Helm releases through Kubeward's API on the local control plane, each step compared with the helm
 * CLI's own view of the same cluster ({@code helm list/history/get values}): a chart served from a
 * chart repository on loopback is installed, upgraded with changed values (after a preview of the
 * values and manifest diffs), rolled back and uninstalled by a user with rights in the namespace; a
 * user whom the cluster's RBAC does not allow gets 403 and nothing is installed.
 */
@LocalControlPlane
class HelmReleasesIT {

  private static final String CLUSTER = "local";
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;
  private static Path adminKubeconfig;
  private static Path helm;
  private static HttpServer repository;
  private static String repositoryUrl;

  @BeforeAll
  static void start(ControlPlane controlPlane) throws Exception {
    kube = controlPlane.newAdminClient();
    adminKubeconfig = controlPlane.kubeconfig();
    helm = HelmBinary.resolve();
    repositoryUrl = serveChartRepository(dir.resolve("repo"));
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.helm.binary=" + helm,
            "--kubeward.helm.timeout=60s");
    admin = server.admin();
    await()
        .atMost(DEADLINE)
        .until(() -> admin.get("/api/v1/clusters/" + CLUSTER + "/overview").completeOverview());
  }

  @AfterAll
  static void stop() {
    if (repository != null) {
      repository.stop(0);
    }
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void installUpgradeRollbackAndUninstallAgreeWithTheHelmCli(TestNamespace namespace) {
    String ns = namespace.name();
    Session operator =
        server.newUser(
            "helm-operator",
            List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", ns)));
    // the grant's RoleBinding (edit) lets the user read release Secrets once RBAC has it
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(operator.get(releases() + "?namespace=" + ns).status()).isEqualTo(200));

    // install 0.1.0 from the repository on loopback
    Response installed =
        operator.post(
            releases(),
            Map.of(
                "namespace",
                ns,
                "name",
                "shop",
                "chart",
                Map.of("repository", repositoryUrl, "chart", "demo", "version", "0.1.0"),
                "values",
                "greeting: hello\nreplicas: 2\n"));
    assertThat(installed.status()).as(installed.body()).isEqualTo(200);
    assertThat(installed.json().path("release").path("status").asString()).isEqualTo("deployed");
    assertThat(installed.json().path("release").path("revision").asInt()).isEqualTo(1);
    assertThat(installed.json().path("release").path("chartVersion").asString()).isEqualTo("0.1.0");
    assertThat(installed.json().path("hooks").get(0).path("name").asString())
        .isEqualTo("shop-hello");
    assertThat(installed.json().path("hooks").get(0).path("lastRunPhase").asString())
        .isEqualTo("Succeeded");
    assertThat(installed.json().path("auditId").asLong()).isPositive();
    assertThat(configMap(ns, "shop-settings").getData()).containsEntry("greeting", "hello");
    agreeWithHelm(operator, ns, "shop", 1);

    // a second install of the same name: 409, nothing changes
    Response again =
        operator.post(
            releases(),
            Map.of(
                "namespace",
                ns,
                "name",
                "shop",
                "chart",
                Map.of("repository", repositoryUrl, "chart", "demo", "version", "0.1.0")));
    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.problemCode()).isEqualTo("helm.exists");

    // the upgrade's preview: values diff and the dry run's manifest against the live objects
    Map<String, Object> upgrade =
        Map.of(
            "chart",
            Map.of("repository", repositoryUrl, "chart", "demo", "version", "0.2.0"),
            "values",
            "greeting: bonjour\nreplicas: 2\n");
    Response preview = operator.post(release(ns, "shop") + "/upgrade/preview", upgrade);
    assertThat(preview.status()).as(preview.body()).isEqualTo(200);
    assertThat(preview.json().path("currentRevision").asInt()).isEqualTo(1);
    assertThat(preview.json().path("valuesDiff").asString())
        .contains("-greeting: hello", "+greeting: bonjour");
    JsonNode configMapChange = objectChange(preview.json(), "ConfigMap", "shop-settings");
    assertThat(configMapChange.path("changed").asBoolean()).as(preview.body()).isTrue();
    assertThat(configMapChange.path("diff").asString())
        .contains("-  greeting: hello", "+  greeting: bonjour");
    assertThat(configMap(ns, "shop-settings").getData()).containsEntry("greeting", "hello");

    // the upgrade
    Response upgraded = operator.post(release(ns, "shop") + "/upgrade", upgrade);
    assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
    assertThat(upgraded.json().path("release").path("revision").asInt()).isEqualTo(2);
    assertThat(upgraded.json().path("release").path("chartVersion").asString()).isEqualTo("0.2.0");
    assertThat(upgraded.json().path("valuesDiff").asString()).contains("+greeting: bonjour");
    assertThat(configMap(ns, "shop-settings").getData()).containsEntry("greeting", "bonjour");
    agreeWithHelm(operator, ns, "shop", 2);

    // rollback to revision 1
    Response rolledBack = operator.post(release(ns, "shop") + "/rollback", Map.of("revision", 1));
    assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
    assertThat(rolledBack.json().path("release").path("revision").asInt()).isEqualTo(3);
    assertThat(rolledBack.json().path("release").path("chartVersion").asString())
        .isEqualTo("0.1.0");
    assertThat(configMap(ns, "shop-settings").getData()).containsEntry("greeting", "hello");
    agreeWithHelm(operator, ns, "shop", 3);
    Response history = operator.get(release(ns, "shop") + "/history");
    assertThat(history.json().size()).isEqualTo(3);
    assertThat(history.json().get(0).path("status").asString()).isEqualTo("deployed");
    assertThat(history.json().get(1).path("status").asString()).isEqualTo("superseded");

    // uninstall
    Response uninstalled = operator.delete(release(ns, "shop"));
    assertThat(uninstalled.status()).as(uninstalled.body()).isEqualTo(200);
    assertThat(uninstalled.json().path("release").path("status").asString())
        .isEqualTo("uninstalled");
    assertThat(JSON.readTree(helmCli("list", "-n", ns, "-o", "json")).size()).isZero();
    assertThat(operator.get(releases() + "?namespace=" + ns).json().size()).isZero();
    assertThat(operator.get(release(ns, "shop")).status()).isEqualTo(404);
    await()
        .atMost(DEADLINE)
        .until(() -> kube.configMaps().inNamespace(ns).withName("shop-settings").get() == null);

    // one audit record per change, with who, the chart and the values diff
    for (String verb : List.of("helm.install", "helm.upgrade", "helm.rollback", "helm.uninstall")) {
      JsonNode records = auditItems(verb, ns);
      assertThat(records.size()).as(verb).isPositive();
      JsonNode newest = records.get(0);
      assertThat(newest.path("user").asString()).isEqualTo("helm-operator");
      assertThat(newest.path("name").asString()).isEqualTo("shop");
      assertThat(newest.path("cluster").asString()).isEqualTo(CLUSTER);
    }
    JsonNode upgradeAudit = auditItems("helm.upgrade", ns).get(0);
    assertThat(upgradeAudit.path("result").asString()).isEqualTo("success");
    assertThat(upgradeAudit.path("diff").asString())
        .contains("demo@0.2.0", "+greeting: bonjour")
        .doesNotContain("kubeconfig");
    assertThat(auditItems("helm.install", ns).get(0).path("result").asString())
        .isEqualTo("failure"); // the refused second install, newest first
  }

  @Test
  void aUserTheClusterDoesNotAllowGets403AndNothingIsInstalled(TestNamespace namespace) {
    String ns = namespace.name();
    Session user =
        server.newUser(
            "helm-nobody",
            List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", ns)));
    // Kubeward's grant lets the user try; the cluster's RBAC says no once the binding is gone
    String subject = "kubeward:helm-nobody";
    kube.rbac().roleBindings().inNamespace(ns).list().getItems().stream()
        .filter(
            b ->
                b.getSubjects() != null
                    && b.getSubjects().stream().anyMatch(s -> subject.equals(s.getName())))
        .forEach(b -> kube.rbac().roleBindings().inNamespace(ns).resource(b).delete());
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              Response list = user.get(releases() + "?namespace=" + ns);
              assertThat(list.status()).as(list.body()).isEqualTo(403);
            });

    Response denied =
        user.post(
            releases(),
            Map.of(
                "namespace",
                ns,
                "name",
                "sneaky",
                "chart",
                Map.of("repository", repositoryUrl, "chart", "demo", "version", "0.1.0")));
    assertThat(denied.status()).as(denied.body()).isEqualTo(403);
    assertThat(denied.problemCode()).isEqualTo("helm.forbidden");
    assertThat(denied.json().path("detail").asString()).contains("forbidden", subject);
    Response deniedZh =
        user.send(
            "POST",
            releases(),
            Map.of(
                "namespace",
                ns,
                "name",
                "sneaky",
                "chart",
                Map.of("repository", repositoryUrl, "chart", "demo")),
            Map.of("Accept-Language", "zh-CN"));
    assertThat(deniedZh.json().path("title").asString()).isEqualTo("集群不允许");

    assertThat(JSON.readTree(helmCli("list", "-n", ns, "-o", "json")).size()).isZero();
    assertThat(kube.configMaps().inNamespace(ns).withName("sneaky-settings").get()).isNull();
    assertThat(kube.secrets().inNamespace(ns).withLabel("owner", "helm").list().getItems())
        .isEmpty();
    JsonNode audit = auditItems("helm.install", ns);
    assertThat(audit.get(0).path("result").asString()).isEqualTo("failure");
    assertThat(audit.get(0).path("error").asString()).contains("helm.forbidden");
  }

  @Test
  void badInputIsRefusedBeforeHelmRuns(TestNamespace namespace) {
    String ns = namespace.name();
    Map<String, Object> chart = Map.of("repository", repositoryUrl, "chart", "demo");
    Response badName =
        admin.post(releases(), Map.of("namespace", ns, "name", "Bad_Name", "chart", chart));
    assertThat(badName.status()).isEqualTo(400);
    assertThat(badName.problemCode()).isEqualTo("helm.invalid");
    assertThat(badName.json().path("detail").asString()).contains("Nothing was changed");
    Response flag =
        admin.post(
            releases(),
            Map.of(
                "namespace",
                ns,
                "name",
                "x",
                "chart",
                Map.of("repository", repositoryUrl, "chart", "--post-renderer=sh")));
    assertThat(flag.status()).isEqualTo(400);
    Response twoDocs =
        admin.post(
            releases(),
            Map.of("namespace", ns, "name", "x", "chart", chart, "values", "a: 1\n---\nb: 2\n"));
    assertThat(twoDocs.status()).isEqualTo(400);
    Response badRevision = admin.post(release(ns, "x") + "/rollback", Map.of("revision", 0));
    assertThat(badRevision.status()).isEqualTo(400);
    Response missingChart =
        admin.post(
            releases(),
            Map.of(
                "namespace",
                ns,
                "name",
                "x",
                "chart",
                Map.of("repository", repositoryUrl, "chart", "nope")));
    assertThat(missingChart.status()).as(missingChart.body()).isEqualTo(404);
    assertThat(missingChart.problemCode()).isEqualTo("helm.chart-not-found");
    assertThat(JSON.readTree(helmCli("list", "-n", ns, "-o", "json")).size()).isZero();
  }

  /** Kubeward's list, history and values of the release equal the helm CLI's. */
  private static void agreeWithHelm(Session user, String ns, String name, int revision) {
    JsonNode helmList = JSON.readTree(helmCli("list", "-n", ns, "-o", "json"));
    JsonNode ours = user.get(releases() + "?namespace=" + ns).json();
    assertThat(helmList.size()).isEqualTo(1);
    assertThat(ours.size()).isEqualTo(1);
    JsonNode theirs = helmList.get(0);
    JsonNode mine = ours.get(0);
    assertThat(mine.path("name").asString()).isEqualTo(theirs.path("name").asString());
    assertThat(String.valueOf(mine.path("revision").asInt()))
        .isEqualTo(theirs.path("revision").asString())
        .isEqualTo(String.valueOf(revision));
    assertThat(mine.path("status").asString()).isEqualTo(theirs.path("status").asString());
    assertThat(mine.path("chart").asString() + "-" + mine.path("chartVersion").asString())
        .isEqualTo(theirs.path("chart").asString());
    assertThat(mine.path("appVersion").asString()).isEqualTo(theirs.path("app_version").asString());

    JsonNode helmHistory = JSON.readTree(helmCli("history", name, "-n", ns, "-o", "json"));
    JsonNode history = user.get(release(ns, name) + "/history").json();
    assertThat(history.size()).isEqualTo(helmHistory.size());
    for (JsonNode entry : helmHistory) {
      JsonNode match = null;
      for (JsonNode candidate : history) {
        if (candidate.path("revision").asInt() == entry.path("revision").asInt()) {
          match = candidate;
        }
      }
      assertThat(match).as("revision %s", entry.path("revision")).isNotNull();
      assertThat(match.path("status").asString()).isEqualTo(entry.path("status").asString());
      assertThat(match.path("description").asString())
          .isEqualTo(entry.path("description").asString());
    }

    JsonNode helmValues = JSON.readTree(helmCli("get", "values", name, "-n", ns, "-o", "json"));
    JsonNode detail = user.get(release(ns, name)).json();
    assertThat(detail.path("values")).isEqualTo(helmValues);
    assertThat(detail.path("notes").asString()).contains(name + " says");
    assertThat(detail.path("manifest").asString()).contains("kind: ConfigMap", "kind: Deployment");
  }

  private static JsonNode objectChange(JsonNode preview, String kind, String name) {
    for (JsonNode object : preview.path("objects")) {
      if (kind.equals(object.path("kind").asString())
          && name.equals(object.path("name").asString())) {
        return object;
      }
    }
    throw new AssertionError("no " + kind + "/" + name + " in " + preview);
  }

  private static ConfigMap configMap(String ns, String name) {
    ConfigMap configMap = kube.configMaps().inNamespace(ns).withName(name).get();
    assertThat(configMap).as("ConfigMap %s/%s", ns, name).isNotNull();
    return configMap;
  }

  private static String releases() {
    return "/api/v1/clusters/" + CLUSTER + "/helm/releases";
  }

  private static String release(String ns, String name) {
    return releases() + "/" + ns + "/" + name;
  }

  private static JsonNode auditItems(String verb, String ns) {
    Response page = admin.get("/api/v1/audit?limit=100&verb=" + verb + "&namespace=" + ns);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items");
  }

  /** The demo chart as 0.1.0 and 0.2.0, indexed by {@code helm repo index}, served on loopback. */
  private static String serveChartRepository(Path repo) throws Exception {
    Files.createDirectories(repo);
    repository = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    repository.createContext(
        "/",
        exchange -> {
          Path file = repo.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          if (!file.startsWith(repo) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] body = Files.readAllBytes(file);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    repository.start();
    String url = "http://127.0.0.1:" + repository.getAddress().getPort() + "/";
    Path source = dir.resolve("chart-src/demo");
    copy(Path.of("src/test/resources/helm/demo"), source);
    helmCli("package", source.toString(), "-d", repo.toString());
    Path chartYaml = source.resolve("Chart.yaml");
    Files.writeString(
        chartYaml,
        Files.readString(chartYaml).replace("version: 0.1.0", "version: 0.2.0"),
        StandardCharsets.UTF_8);
    helmCli("package", source.toString(), "-d", repo.toString());
    helmCli("repo", "index", repo.toString(), "--url", url);
    return url;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  /** The helm CLI with the test's admin kubeconfig; fails the test on a non-zero exit. */
  private static String helmCli(String... args) {
    List<String> command = new ArrayList<>();
    command.add(helm.toString());
    command.addAll(List.of(args));
    command.add("--kubeconfig=" + adminKubeconfig);
    try {
      Path home = Files.createDirectories(dir.resolve("helm-home"));
      Path out = Files.createTempFile(dir, "helm-", ".out");
      Path err = Files.createTempFile(dir, "helm-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
      builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
      builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("helm " + String.join(" ", args) + " did not finish in 60 s");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "helm " + String.join(" ", args) + " failed: " + Files.readString(err));
      }
      return Files.readString(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
