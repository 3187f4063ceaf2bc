package io.kubeward.diagnostics.domain.rules;

import static io.kubeward.diagnostics.TestPods.crashLoop;
import static io.kubeward.diagnostics.TestPods.pod;
import static io.kubeward.diagnostics.TestPods.view;
import static io.kubeward.diagnostics.TestPods.waiting;
import static io.kubeward.diagnostics.TestPods.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.MemoryCluster;
import io.kubeward.diagnostics.TestPods;
import io.kubeward.diagnostics.app.CacheFacts;
import io.kubeward.diagnostics.domain.DiagnosticRule;
import io.kubeward.diagnostics.domain.Evidence;
import io.kubeward.diagnostics.domain.FindingDraft;
import io.kubeward.diagnostics.domain.RuleSettings;
import io.kubeward.diagnostics.domain.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodRulesTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");
  final MemoryCluster cluster = new MemoryCluster("c1");

  List<FindingDraft> judge(DiagnosticRule rule, PodView pod) {
    cluster.put(CachedKind.PODS, pod);
    return rule.judge(pod, new CacheFacts(cluster, NOW, RuleSettings.DEFAULTS));
  }

  static List<String> values(FindingDraft draft) {
    return draft.evidence().stream().map(Evidence::value).toList();
  }

  @Test
  void everyRuleIsQuietForAHealthyPod() {
    PodView pod = TestPods.healthy("shop", "ok");
    for (DiagnosticRule rule : DiagnosticRules.all()) {
      if (rule.subjectKind().equals("Pod")) {
        assertThat(judge(rule, pod)).as(rule.id().value()).isEmpty();
      }
    }
  }

  @Test
  void crashLoopNamesTheExitCodeAndCallsOutOomKilled() {
    List<FindingDraft> error =
        judge(new PodCrashLoopRule(), withStatus("a", "Running", crashLoop(4, "Error", 1)));
    List<FindingDraft> oom =
        judge(new PodCrashLoopRule(), withStatus("b", "Running", crashLoop(7, "OOMKilled", 137)));

    assertThat(error)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.explanation().en()).contains("4 restarts").contains("exit code 1");
              assertThat(values(d)).anyMatch(v -> v.startsWith("Waiting: CrashLoopBackOff"));
              assertThat(values(d)).contains("4");
            });
    assertThat(oom)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.explanation().en()).contains("OOMKilled").contains("limit 128Mi");
              assertThat(d.explanation().zh()).contains("OOMKilled");
              assertThat(d.suggestedFix().en()).contains("memory limit");
              assertThat(values(d))
                  .anyMatch(v -> v.contains("Terminated: OOMKilled (exit code 137)"));
            });
  }

  @Test
  void imagePullTellsAMissingTagFromMissingCredentials() {
    List<FindingDraft> missing =
        judge(
            new PodImagePullRule(),
            withStatus(
                "a",
                "Pending",
                waiting(
                    "ErrImagePull",
                    "rpc error: manifest for shop/web:9 not found: manifest unknown")));
    List<FindingDraft> denied =
        judge(
            new PodImagePullRule(),
            withStatus(
                "b",
                "Pending",
                waiting(
                    "ImagePullBackOff",
                    "pull access denied for shop/web, repository does not exist or may require 'docker login'")));

    assertThat(missing.getFirst().explanation().en())
        .contains("shop/web:1")
        .contains("no such image or tag");
    assertThat(denied.getFirst().explanation().en()).contains("refused access");
    assertThat(denied.getFirst().suggestedFix().en()).contains("imagePullSecrets");
  }

  @Test
  void unschedulableExplainsEachReasonWithTheRequests() {
    PodView pod =
        TestPods.unschedulable(
            "big",
            "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2"
                + " Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption"
                + " victims found for incoming pod.");

    FindingDraft draft = judge(new PodUnschedulableRule(), pod).getFirst();

    assertThat(draft.explanation().en())
        .contains("0 of 3 nodes")
        .contains("2 node(s) lack free cpu (the pod requests 100m)")
        .contains("{dedicated: gpu}");
    assertThat(draft.suggestedFix().en()).contains("toleration").contains("requests");
    assertThat(draft.evidence())
        .extracting(Evidence::kind)
        .contains(Evidence.CONDITION, Evidence.SCHEDULER, Evidence.FIELD);
  }

  @Test
  void configErrorNamesTheMissingConfigMapAndKey() {
    FindingDraft map =
        judge(
                new PodConfigErrorRule(),
                withStatus(
                    "a",
                    "Pending",
                    waiting("CreateContainerConfigError", "configmap \"settings\" not found")))
            .getFirst();
    FindingDraft key =
        judge(
                new PodConfigErrorRule(),
                withStatus(
                    "b",
                    "Pending",
                    waiting(
                        "CreateContainerConfigError",
                        "couldn't find key url in ConfigMap shop/settings")))
            .getFirst();

    assertThat(map.explanation().en()).contains("ConfigMap settings").contains("does not exist");
    assertThat(map.suggestedFix().en()).contains("kubectl create configmap settings -n shop");
    assertThat(key.explanation().en()).contains("key url is missing in ConfigMap settings");
  }

  @Test
  void notReadyOnlyAfterTheGrace() {
    PodView recent = notReady("a", "2026-01-01T00:08:00Z");
    PodView old = notReady("b", "2026-01-01T00:01:00Z");

    assertThat(judge(new PodNotReadyRule(), recent)).isEmpty();
    assertThat(judge(new PodNotReadyRule(), old))
        .singleElement()
        .satisfies(d -> assertThat(d.explanation().en()).contains("not ready for 9m"));
  }

  @Test
  void evictedQuotesTheKubeletsMessage() {
    PodView pod =
        view(
            pod("shop", "ev", "Failed")
                .editStatus()
                .withReason("Evicted")
                .withMessage("The node was low on resource: memory.")
                .endStatus()
                .build());

    assertThat(judge(new PodEvictedRule(), pod).getFirst().explanation().en())
        .contains("low on resource: memory");
  }

  @Test
  void aFailedBarePodNamesTheExitCode() {
    PodView pod =
        withStatus(
            "once",
            "Failed",
            new ContainerStatusBuilder()
                .withName("app")
                .withNewState()
                .withNewTerminated()
                .withReason("Error")
                .withExitCode(127)
                .endTerminated()
                .endState()
                .build());

    assertThat(judge(new PodFailedRule(), pod).getFirst().explanation().en())
        .contains("exited with code 127 (Error)")
        .contains("not found in the image");
  }

  @Test
  void initContainerFailureAndRecentRestarts() {
    PodView init =
        view(
            pod("shop", "init", "Pending")
                .editStatus()
                .withInitContainerStatuses(
                    new ContainerStatusBuilder(crashLoop(3, "Error", 127))
                        .withName("migrate")
                        .build())
                .endStatus()
                .build());
    PodView restarts =
        withStatus(
            "r",
            "Running",
            new ContainerStatusBuilder(crashLoop(6, "Error", 143))
                .withNewState()
                .withNewRunning()
                .withStartedAt("2026-01-01T00:09:31Z")
                .endRunning()
                .endState()
                .withReady(true)
                .build());

    assertThat(judge(new PodInitFailedRule(), init).getFirst().explanation().en())
        .contains("migrate")
        .contains("exit code 127")
        .contains("not found in the image");
    assertThat(judge(new PodRestartsRule(), restarts).getFirst().explanation().en())
        .contains("restarted 6 times");
    assertThat(judge(new PodCrashLoopRule(), restarts)).isEmpty();
  }

  private static PodView notReady(String name, String since) {
    return view(
        pod("shop", name, "Running")
            .editStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("False")
            .withLastTransitionTime(since)
            .endCondition()
            .withContainerStatuses(
                new ContainerStatusBuilder(TestPods.running()).withReady(false).build())
            .endStatus()
            .build());
  }
}
