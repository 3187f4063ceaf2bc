package io.kubeward.diagnostics.app;

import static io.kubeward.diagnostics.TestPods.crashLoop;
import static io.kubeward.diagnostics.TestPods.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.diagnostics.MemoryCluster;
import io.kubeward.diagnostics.TestPods;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingFilter;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.RuleId;
import io.kubeward.diagnostics.domain.rules.DiagnosticRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticsEngineTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:10:00Z");
  final MemoryCluster cluster = new MemoryCluster("c1");
  final List<String> heard = new ArrayList<>();
  final List<Finding> stored = new ArrayList<>();
  boolean leading = true;

  final ClusterRegistry registry =
      new ClusterRegistry() {
        @Override
        public List<ManagedCluster> all() {
          return List.of(cluster);
        }

        @Override
        public Optional<ManagedCluster> find(String name) {
          return name.equals("c1") ? Optional.of(cluster) : Optional.empty();
        }

        @Override
        public String defaultClusterName() {
          return "c1";
        }
      };

  final FindingHistory history =
      new FindingHistory() {
        @Override
        public void saveResolved(Finding finding) {
          stored.add(finding);
        }

        @Override
        public List<Finding> resolved(String c, FindingFilter filter, int limit) {
          return stored;
        }

        @Override
        public int prune(String c, Instant before, int keep) {
          return 0;
        }

        @Override
        public List<String> clusters() {
          return List.of("c1");
        }
      };

  DiagnosticsEngine engine(Clock clock) {
    DiagnosticsEngine engine =
        new DiagnosticsEngine(
            registry,
            DiagnosticRules.all(),
            DiagnosticsSettings.DEFAULTS,
            history,
            c -> leading,
            clock);
    engine.addListener(
        new FindingListener() {
          @Override
          public void opened(Finding f) {
            heard.add("opened " + f.rule() + " " + f.subject().name());
          }

          @Override
          public void updated(Finding f) {
            heard.add("updated " + f.rule() + " " + f.subject().name());
          }

          @Override
          public void resolved(Finding f) {
            heard.add("resolved " + f.rule() + " " + f.subject().name());
          }
        });
    return engine;
  }

  @Test
  void aFullPassOpensFindingsAndAChangeResolvesThem() {
    DiagnosticsEngine engine = engine(Clock.fixed(T0, ZoneOffset.UTC));
    cluster.put(CachedKind.PODS, TestPods.healthy("shop", "ok"));
    cluster.put(CachedKind.PODS, withStatus("crash", "Running", crashLoop(3, "Error", 1)));

    engine.fullPass();

    assertThat(heard).containsExactly("opened pod.crash-loop crash");
    Finding finding = engine.active("c1").getFirst();
    assertThat(finding.firstSeen()).isEqualTo(T0);
    assertThat(finding.runbook()).isEqualTo("/api/v1/diagnostics/rules/pod.crash-loop/runbook");
    assertThat(engine.about("c1", ObjectRef.of("Pod", "shop", "crash"))).hasSize(1);

    cluster.put(CachedKind.PODS, TestPods.healthy("shop", "crash"));
    assertThat(heard).hasSize(1); // nothing until the debounced evaluation
    engine.processPending();

    assertThat(heard)
        .containsExactly("opened pod.crash-loop crash", "resolved pod.crash-loop crash");
    assertThat(engine.active("c1")).isEmpty();
    assertThat(stored).singleElement().satisfies(f -> assertThat(f.resolvedAt()).isEqualTo(T0));
  }

  @Test
  void aChangedCrashLoopIsUpdatedOnceAndADeletedPodResolves() {
    DiagnosticsEngine engine = engine(Clock.fixed(T0, ZoneOffset.UTC));
    engine.fullPass();
    PodView crash = withStatus("crash", "Running", crashLoop(3, "Error", 1));
    cluster.put(CachedKind.PODS, crash);
    cluster.put(CachedKind.PODS, withStatus("crash", "Running", crashLoop(4, "Error", 1)));
    engine.processPending();
    cluster.put(CachedKind.PODS, withStatus("crash", "Running", crashLoop(5, "Error", 1)));
    engine.processPending();
    leading = false;
    cluster.delete(CachedKind.PODS, crash);
    engine.processPending();

    assertThat(heard)
        .containsExactly(
            "opened pod.crash-loop crash",
            "updated pod.crash-loop crash",
            "resolved pod.crash-loop crash");
    assertThat(stored).as("only the leader stores resolutions").isEmpty();
  }

  @Test
  void anEventOrADependencyJudgesTheAffectedPodsAgain() {
    DiagnosticsEngine engine = engine(Clock.fixed(T0, ZoneOffset.UTC));
    PodView pending =
        TestPods.view(
            TestPods.pod("shop", "cfg", "Pending")
                .editSpec()
                .addNewVolume()
                .withName("v")
                .withNewConfigMap()
                .withName("settings")
                .endConfigMap()
                .endVolume()
                .endSpec()
                .editStatus()
                .withContainerStatuses(TestPods.waiting("ContainerCreating", null))
                .endStatus()
                .build());
    cluster.put(CachedKind.PODS, pending);
    engine.fullPass();
    assertThat(heard).containsExactly("opened pod.config-error cfg");

    cluster.put(
        CachedKind.CONFIGMAPS,
        new ObjectView("shop", "settings", "u", "1", T0, Map.of(), null, "", Map.of()));
    engine.processPending();

    assertThat(heard)
        .containsExactly(
            "opened pod.config-error cfg",
            "resolved pod.config-error cfg",
            "opened pod.pending-long cfg");
    // the pod, and the ConfigMap itself (configmap.unreferenced judges ConfigMaps)
    assertThat(engine.statistics("c1").orElseThrow().incrementalSubjects()).isEqualTo(2);
  }

  @Test
  void theFirstDebouncedEvaluationOfANewClusterIsAFullPass() {
    DiagnosticsEngine engine = engine(Clock.fixed(T0, ZoneOffset.UTC));
    cluster.put(CachedKind.PODS, withStatus("crash", "Running", crashLoop(3, "Error", 1)));

    engine.processPending();

    assertThat(engine.evaluated("c1")).isTrue();
    assertThat(heard).containsExactly("opened pod.crash-loop crash");
    assertThat(cluster.listeners()).isEqualTo(1);
  }

  @Test
  void aFullPassResolvesWhatNoRuleReportsAnyMore() {
    DiagnosticsEngine engine = engine(Clock.fixed(T0, ZoneOffset.UTC));
    cluster.put(CachedKind.PODS, withStatus("crash", "Running", crashLoop(3, "Error", 1)));
    engine.fullPass();
    engine.close(); // changes are no longer followed
    cluster.put(CachedKind.PODS, TestPods.healthy("shop", "crash"));
    DiagnosticsEngine again = engine(Clock.fixed(T0, ZoneOffset.UTC));
    again.fullPass();

    assertThat(again.active("c1")).isEmpty();
    assertThat(again.rule(RuleId.of("pod.crash-loop"))).isPresent();
    assertThat(again.statistics("c1").orElseThrow().lastFullPassSubjects()).isEqualTo(1);
  }
}
