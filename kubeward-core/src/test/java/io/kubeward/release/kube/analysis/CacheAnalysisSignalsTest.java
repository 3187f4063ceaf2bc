package io.kubeward.release.kube.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.EventProjection;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import io.kubeward.diagnostics.MemoryCluster;
import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.Severity;
import io.kubeward.release.app.analysis.AnalysisSignals;
import io.kubeward.release.domain.analysis.SignalFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheAnalysisSignalsTest {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  static final Map<String, String> CANARY =
      Map.of("app", "web", "kubeward.io/release-track", "canary");

  static PodView pod(
      String ns, String name, Map<String, String> labels, String ready, int restarts) {
    return new PodView(
        ns,
        name,
        "uid-" + name,
        "1",
        T0,
        labels,
        null,
        "kwok-node-0",
        PodPhase.RUNNING,
        null,
        ready,
        restarts,
        "10.0.0.1",
        Resources.ZERO,
        Resources.ZERO);
  }

  static void event(MemoryCluster cluster, String ns, String name, String type, String pod) {
    cluster.put(
        CachedKind.EVENTS,
        EventProjection.event(
            new EventBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withUid("uid-" + name)
                .withResourceVersion("1")
                .endMetadata()
                .withType(type)
                .withReason("BackOff")
                .withMessage("Back-off restarting failed container")
                .withNewInvolvedObject()
                .withKind("Pod")
                .withName(pod)
                .withNamespace(ns)
                .endInvolvedObject()
                .withLastTimestamp(T0.toString())
                .withCount(2)
                .build()));
  }

  static Finding finding(String ns, String pod, Severity severity) {
    return new Finding(
        "id-" + pod,
        "c",
        new RuleId("pod.crash-loop"),
        severity,
        ObjectRef.of("Pod", ns, pod),
        Bilingual.of("t", "t"),
        Bilingual.of("e", "e"),
        List.of(),
        Bilingual.of("f", "f"),
        "/runbook",
        T0,
        T0,
        null);
  }

  static ClusterRegistry registry(ManagedCluster cluster) {
    return new ClusterRegistry() {
      @Override
      public List<ManagedCluster> all() {
        return List.of(cluster);
      }

      @Override
      public Optional<ManagedCluster> find(String name) {
        return name.equals(cluster.name()) ? Optional.of(cluster) : Optional.empty();
      }

      @Override
      public String defaultClusterName() {
        return cluster.name();
      }
    };
  }

  @Test
  void readsTheVersionsPodsTheirWarningEventsAndFindingsFromTheCache() {
    MemoryCluster cluster = new MemoryCluster("c");
    cluster.put(CachedKind.PODS, pod("shop", "web-c-1", CANARY, "1/1", 0));
    cluster.put(CachedKind.PODS, pod("shop", "web-c-2", CANARY, "1/2", 4));
    cluster.put(CachedKind.PODS, pod("shop", "web-s-1", Map.of("app", "web"), "1/1", 9));
    cluster.put(CachedKind.PODS, pod("other", "web-c-9", CANARY, "1/1", 9));
    event(cluster, "shop", "e1", "Warning", "web-c-2");
    event(cluster, "shop", "e2", "Normal", "web-c-2");
    event(cluster, "shop", "e3", "Warning", "web-s-1");
    CacheAnalysisSignals signals =
        new CacheAnalysisSignals(
            registry(cluster),
            c -> true,
            c ->
                List.of(
                    finding("shop", "web-c-2", Severity.CRITICAL),
                    finding("shop", "web-s-1", Severity.CRITICAL),
                    finding("other", "web-c-9", Severity.WARNING)));

    SignalFacts facts = signals.observe("c", "shop", CANARY);

    assertThat(facts.pods())
        .containsExactlyInAnyOrder(
            new SignalFacts.Pod("web-c-1", T0, true, 0),
            new SignalFacts.Pod("web-c-2", T0, false, 4));
    assertThat(facts.warnings())
        .containsExactly(new SignalFacts.WarningEvent("web-c-2", "BackOff", T0, 2));
    assertThat(facts.findings())
        .containsExactly(new SignalFacts.PodFinding("web-c-2", "pod.crash-loop", "CRITICAL"));
    assertThat(facts.findingsEvaluated()).isTrue();
  }

  @Test
  void anUnknownClusterCannotAnswer() {
    CacheAnalysisSignals signals =
        new CacheAnalysisSignals(registry(new MemoryCluster("c")), c -> false, c -> List.of());
    assertThatThrownBy(() -> signals.observe("elsewhere", "shop", CANARY))
        .isInstanceOf(AnalysisSignals.SignalsUnavailableException.class)
        .hasMessageContaining("unknown");
    assertThat(signals.observe("c", "shop", CANARY).findingsEvaluated()).isFalse();
  }

  @Test
  void readyMeansEveryContainerAndAtLeastOne() {
    assertThat(CacheAnalysisSignals.ready(pod("a", "p", Map.of(), "2/2", 0))).isTrue();
    assertThat(CacheAnalysisSignals.ready(pod("a", "p", Map.of(), "1/2", 0))).isFalse();
    assertThat(CacheAnalysisSignals.ready(pod("a", "p", Map.of(), "0/0", 0))).isFalse();
    assertThat(CacheAnalysisSignals.ready(pod("a", "p", Map.of(), "", 0))).isFalse();
  }
}
