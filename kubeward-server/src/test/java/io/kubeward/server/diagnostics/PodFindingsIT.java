package io.kubeward.server.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The pod rules on the local control plane: KWOK stages put containers into the failing states
 * (label {@code sim.kubeward.io/state}), the real scheduler writes its messages for pods no node
 * can take. Each scenario asserts the finding, its explanation and evidence, the same facts in
 * {@code kubectl describe pod}, and the resolution once the cause is fixed (the workload corrected)
 * or the pod gone.
 */
@LocalControlPlane
class PodFindingsIT {

  private static final String CLUSTER = "local";
  private static final String STATE = "sim.kubeward.io/state";
  @TempDir static Path dir;
  private static RunningServer server;
  private static Session admin;
  private static KubernetesClient kube;
  private static ControlPlane plane;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    plane = controlPlane;
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.diagnostics.full-pass-interval=10s",
            "--kubeward.diagnostics.debounce=300ms",
            "--kubeward.diagnostics.rules.readiness-grace=3s");
    admin = server.admin();
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aCrashLoopIsFoundWithItsExitCodeAndResolvedWhenTheDeploymentIsFixed(TestNamespace ns) {
    kube.apps()
        .deployments()
        .inNamespace(ns.name())
        .resource(deployment("web", "CrashLoopBackOff"))
        .create();

    JsonNode finding = awaitFinding(ns, "pod.crash-loop", "web-");
    String pod = finding.path("subject").path("name").asString();
    assertThat(finding.path("severity").asString()).isEqualTo("CRITICAL");
    assertThat(en(finding, "explanation")).contains("keeps exiting").contains("exit code 1");
    assertThat(finding.path("explanation").path("zh").asString()).contains("反复退出");
    assertThat(evidence(finding)).anyMatch(v -> v.startsWith("Waiting: CrashLoopBackOff"));
    assertThat(evidence(finding)).anyMatch(v -> v.contains("Terminated: Error (exit code 1)"));
    assertThat(finding.path("runbook").asString())
        .isEqualTo("/api/v1/diagnostics/rules/pod.crash-loop/runbook");
    String describe = describe(ns, pod);
    assertThat(describe).contains("CrashLoopBackOff").containsPattern("Exit Code:\\s+1");

    JsonNode about =
        admin.get(path("/findings/object?kind=Pod&namespace=" + ns.name() + "&name=" + pod)).json();
    assertThat(about.path("items"))
        .extracting(f -> f.path("rule").asString())
        .contains("pod.crash-loop");

    kube.apps().deployments().inNamespace(ns.name()).withName("web").edit(d -> fixed(d));
    awaitResolved(ns, "pod.crash-loop", pod);
  }

  @Test
  void oomKilledIsCalledOut(TestNamespace ns) {
    kube.pods().inNamespace(ns.name()).resource(pod("oom", "OOMKilled")).create();

    JsonNode finding = awaitFinding(ns, "pod.crash-loop", "oom");
    assertThat(en(finding, "explanation"))
        .contains("OOMKilled")
        .contains("exit code 137")
        .contains("limit 64Mi");
    assertThat(en(finding, "suggestedFix")).contains("memory limit");
    assertThat(describe(ns, "oom")).contains("OOMKilled").containsPattern("Exit Code:\\s+137");

    kube.pods().inNamespace(ns.name()).withName("oom").withGracePeriod(0).delete();
    awaitResolved(ns, "pod.crash-loop", "oom");
  }

  @Test
  void imagePullConfigErrorInitFailureEvictionAndReadiness(TestNamespace ns) {
    kube.pods().inNamespace(ns.name()).resource(pod("pull", "ImagePullBackOff")).create();
    Pod config = pod("config", "CreateContainerConfigError");
    config
        .getMetadata()
        .setAnnotations(Map.of("sim.kubeward.io/message", "configmap \"settings\" not found"));
    kube.pods().inNamespace(ns.name()).resource(config).create();
    Pod init =
        new PodBuilder(pod("init", "InitCrashLoopBackOff"))
            .editSpec()
            .addNewInitContainer()
            .withName("migrate")
            .withImage("shop/migrate:1")
            .endInitContainer()
            .endSpec()
            .build();
    kube.pods().inNamespace(ns.name()).resource(init).create();
    kube.pods().inNamespace(ns.name()).resource(pod("evicted", "Evicted")).create();
    kube.pods().inNamespace(ns.name()).resource(pod("unready", "NotReady")).create();
    kube.pods().inNamespace(ns.name()).resource(pod("once", "Failed")).create();

    JsonNode pull = awaitFinding(ns, "pod.image-pull", "pull");
    assertThat(en(pull, "explanation"))
        .contains("cannot pull image shop/web:1")
        .contains("ImagePullBackOff");
    assertThat(describe(ns, "pull")).contains("ImagePullBackOff").contains("shop/web:1");
    assertThat(evidence(pull)).anyMatch(v -> v.contains("Back-off pulling image"));

    JsonNode cfg = awaitFinding(ns, "pod.config-error", "config");
    assertThat(en(cfg, "explanation")).contains("ConfigMap settings").contains("does not exist");
    assertThat(en(cfg, "suggestedFix"))
        .contains("kubectl create configmap settings -n " + ns.name());
    assertThat(describe(ns, "config")).contains("CreateContainerConfigError");

    JsonNode initFinding = awaitFinding(ns, "pod.init-failed", "init");
    assertThat(en(initFinding, "explanation")).contains("Init container migrate fails");
    assertThat(describe(ns, "init")).contains("migrate").contains("CrashLoopBackOff");

    JsonNode evicted = awaitFinding(ns, "pod.evicted", "evicted");
    assertThat(en(evicted, "explanation")).contains("The node was low on resource: memory.");
    assertThat(describe(ns, "evicted"))
        .contains("Evicted")
        .contains("The node was low on resource: memory.");

    JsonNode unready = awaitFinding(ns, "pod.not-ready", "unready");
    assertThat(en(unready, "explanation")).contains("running but not ready");
    assertThat(describe(ns, "unready")).containsPattern("Ready\\s+False");

    JsonNode failed = awaitFinding(ns, "pod.failed", "once");
    assertThat(en(failed, "explanation")).contains("exited with code 1 (Error)");
    assertThat(describe(ns, "once"))
        .containsPattern("Status:\\s+Failed")
        .containsPattern("Exit Code:\\s+1");

    // the list filters and the CSV export see them too
    JsonNode critical =
        admin.get(path("/findings?severity=CRITICAL&namespace=" + ns.name())).json();
    assertThat(critical.path("items"))
        .extracting(f -> f.path("rule").asString())
        .contains("pod.image-pull", "pod.config-error", "pod.init-failed")
        .doesNotContain("pod.evicted", "pod.not-ready");
    RunningServer.Response csv =
        admin.get(path("/findings/export?format=csv&namespace=" + ns.name()));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body()).startsWith("id,cluster,severity,rule").contains("pod.evicted");

    for (String pod : List.of("pull", "config", "init", "evicted", "unready", "once")) {
      kube.pods().inNamespace(ns.name()).withName(pod).withGracePeriod(0).delete();
    }
    awaitResolved(ns, "pod.image-pull", "pull");
    awaitResolved(ns, "pod.evicted", "evicted");
  }

  @Test
  void theSchedulersReasonsAreTakenApart(TestNamespace ns) {
    Deployment big = deployment("big", null);
    big.getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .getFirst()
        .getResources()
        .setRequests(Map.of("cpu", new Quantity("500")));
    kube.apps().deployments().inNamespace(ns.name()).resource(big).create();
    Pod selector = pod("selector", null);
    selector.getSpec().setNodeSelector(Map.of("disktype", "none"));
    kube.pods().inNamespace(ns.name()).resource(selector).create();
    Pod claim =
        new PodBuilder(pod("claim", null))
            .editSpec()
            .addNewVolume()
            .withName("data")
            .withNewPersistentVolumeClaim()
            .withClaimName("missing-claim")
            .endPersistentVolumeClaim()
            .endVolume()
            .endSpec()
            .build();
    kube.pods().inNamespace(ns.name()).resource(claim).create();

    JsonNode cpu = awaitFinding(ns, "pod.unschedulable", "big-");
    String bigPod = cpu.path("subject").path("name").asString();
    assertThat(en(cpu, "explanation"))
        .contains("No node can run the pod")
        .contains("lack free cpu (the pod requests 500000m)");
    assertThat(en(cpu, "suggestedFix")).contains("Lower the pod's requests");
    assertThat(describe(ns, bigPod)).contains("FailedScheduling").contains("Insufficient cpu");
    assertThat(cpu.path("evidence"))
        .anyMatch(
            e ->
                e.path("kind").asString().equals("scheduler")
                    && e.path("value").asString().equals("Insufficient cpu"));

    JsonNode nodeSelector = awaitFinding(ns, "pod.unschedulable", "selector");
    assertThat(en(nodeSelector, "explanation"))
        .contains("do not match the pod's nodeSelector or node affinity");
    assertThat(describe(ns, "selector")).contains("didn't match Pod's node affinity/selector");

    JsonNode volume = awaitFinding(ns, "pod.unschedulable", "claim");
    assertThat(en(volume, "explanation"))
        .contains("a volume is not ready")
        .contains("missing-claim");
    assertThat(volume.path("evidence"))
        .anyMatch(
            e ->
                e.path("label").asString().equals("PersistentVolumeClaim missing-claim")
                    && e.path("value").asString().equals("not found"));
    assertThat(describe(ns, "claim")).contains("missing-claim");

    kube.apps()
        .deployments()
        .inNamespace(ns.name())
        .withName("big")
        .edit(
            d -> {
              d.getSpec()
                  .getTemplate()
                  .getSpec()
                  .getContainers()
                  .getFirst()
                  .getResources()
                  .setRequests(Map.of("cpu", new Quantity("10m")));
              return d;
            });
    awaitResolved(ns, "pod.unschedulable", bigPod);
  }

  @Test
  void theRunbookIsServedAndAdminsAttachSiteText() {
    JsonNode rules = admin.get("/api/v1/diagnostics/rules").json();
    assertThat(rules.path("items"))
        .extracting(r -> r.path("id").asString())
        .contains("pod.crash-loop", "pod.unschedulable");
    JsonNode runbook = admin.get("/api/v1/diagnostics/rules/pod.unschedulable/runbook").json();
    assertThat(runbook.path("markdown").asString())
        .contains("# pod.unschedulable")
        .contains("Pod 无法调度");

    RunningServer.Response put =
        admin.put(
            "/api/v1/diagnostics/rules/pod.unschedulable/runbook/site",
            Map.of("markdown", "Call the platform team: #k8s-oncall"));
    assertThat(put.status()).isEqualTo(200);
    assertThat(
            admin
                .get("/api/v1/diagnostics/rules/pod.unschedulable/runbook")
                .json()
                .path("siteText")
                .asString())
        .contains("#k8s-oncall");
    assertThat(admin.get("/api/v1/audit?limit=20").body()).contains("runbook.site-text");
    assertThat(
            admin
                .put(
                    "/api/v1/diagnostics/rules/pod.unschedulable/runbook/site",
                    Map.of("markdown", "x".repeat(40_000)))
                .status())
        .isEqualTo(413);
    assertThat(admin.get("/api/v1/diagnostics/rules/no.such-rule/runbook").status()).isEqualTo(404);
  }

  // --- helpers ---

  private static JsonNode awaitFinding(TestNamespace ns, String rule, String namePrefix) {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              found.clear();
              for (JsonNode f :
                  admin
                      .get(path("/findings?rule=" + rule + "&namespace=" + ns.name()))
                      .json()
                      .path("items")) {
                if (f.path("subject").path("name").asString().startsWith(namePrefix)) {
                  found.add(f);
                }
              }
              assertThat(found).as(rule + " for " + namePrefix).isNotEmpty();
            });
    return found.getFirst();
  }

  private static void awaitResolved(TestNamespace ns, String rule, String pod) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode active =
                  admin
                      .get(
                          path(
                              "/findings?rule="
                                  + rule
                                  + "&namespace="
                                  + ns.name()
                                  + "&name="
                                  + pod))
                      .json();
              assertThat(active.path("items")).as("active " + rule + " " + pod).isEmpty();
              JsonNode resolved =
                  admin
                      .get(
                          path(
                              "/findings?state=resolved&rule="
                                  + rule
                                  + "&namespace="
                                  + ns.name()
                                  + "&name="
                                  + pod))
                      .json();
              assertThat(resolved.path("items")).as("resolved " + rule + " " + pod).isNotEmpty();
              assertThat(resolved.path("items").get(0).path("resolvedAt").isNull()).isFalse();
            });
  }

  private static String path(String rest) {
    return "/api/v1/clusters/" + CLUSTER + rest;
  }

  private static String en(JsonNode finding, String field) {
    return finding.path(field).path("en").asString();
  }

  private static List<String> evidence(JsonNode finding) {
    List<String> values = new ArrayList<>();
    finding.path("evidence").forEach(e -> values.add(e.path("value").asString()));
    return values;
  }

  private static Pod pod(String name, String state) {
    PodBuilder builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("shop/web:1")
            .withNewResources()
            .addToRequests("cpu", new Quantity("10m"))
            .addToLimits("memory", new Quantity("64Mi"))
            .endResources()
            .endContainer()
            .endSpec();
    if (state != null) {
      builder.editMetadata().addToLabels(STATE, state).endMetadata();
    }
    return builder.build();
  }

  private static Deployment deployment(String name, String state) {
    Pod template = pod(name, state);
    template.getMetadata().setName(null);
    template
        .getMetadata()
        .setLabels(
            new java.util.HashMap<>(
                template.getMetadata().getLabels() == null
                    ? Map.of()
                    : template.getMetadata().getLabels()));
    template.getMetadata().getLabels().put("app", name);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withMetadata(template.getMetadata())
        .withSpec(template.getSpec())
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Deployment fixed(Deployment deployment) {
    deployment.getSpec().getTemplate().getMetadata().getLabels().remove(STATE);
    return deployment;
  }

  /** {@code kubectl describe pod} with the admin kubeconfig: the reference for the same facts. */
  private static String describe(TestNamespace ns, String pod) {
    try {
      Process process =
          new ProcessBuilder(
                  "kubectl",
                  "--kubeconfig",
                  plane.kubeconfig().toString(),
                  "describe",
                  "pod",
                  pod,
                  "-n",
                  ns.name())
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("kubectl describe pod " + pod + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
