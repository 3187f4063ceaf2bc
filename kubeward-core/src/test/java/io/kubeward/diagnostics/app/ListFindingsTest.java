package io.kubeward.diagnostics.app;

import static io.kubeward.diagnostics.TestPods.crashLoop;
import static io.kubeward.diagnostics.TestPods.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kubeward.access.app.AccessReviews;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.ClusterAccess;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.RuntimeClusterRegistry;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.PodProjection;
import io.kubeward.diagnostics.MemoryCluster;
import io.kubeward.diagnostics.domain.Finding;
import io.kubeward.diagnostics.domain.FindingFilter;
import io.kubeward.diagnostics.domain.ObjectRef;
import io.kubeward.diagnostics.domain.Severity;
import io.kubeward.diagnostics.domain.rules.DiagnosticRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ListFindingsTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:10:00Z");
  static final Caller ALICE =
      new Caller(new Principal("alice", List.of()), Origin.API, "127.0.0.1");

  /** Alice may list pods in namespace "shop" only. */
  static final AccessReviews SHOP_PODS =
      new AccessReviews() {
        @Override
        public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
          return "shop".equals(action.namespace()) && action.resource().equals("pods");
        }

        @Override
        public NamespaceVisibility namespaces(
            String cluster,
            KubeIdentity who,
            ResourceAction action,
            Supplier<? extends Collection<String>> namespaces) {
          return action.resource().equals("pods")
              ? NamespaceVisibility.only(Set.of("shop"))
              : NamespaceVisibility.NONE;
        }

        @Override
        public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
          return AccessRules.NONE;
        }
      };

  @Test
  void aCallerSeesOnlyFindingsAboutWhatItMayList() {
    MemoryCluster cluster = new MemoryCluster("c1");
    cluster.put(CachedKind.PODS, withStatus("crash", "Running", crashLoop(3, "Error", 1)));
    cluster.put(
        CachedKind.PODS,
        PodProjection.pod(
            new PodBuilder(
                    io.kubeward.diagnostics.TestPods.pod("bank", "vault", "Running")
                        .editStatus()
                        .withContainerStatuses(crashLoop(3, "OOMKilled", 137))
                        .endStatus()
                        .build())
                .build()));
    RuntimeClusterRegistry registry = new RuntimeClusterRegistry(List.of(cluster), "c1");
    DiagnosticsEngine engine =
        new DiagnosticsEngine(
            registry,
            DiagnosticRules.all(),
            DiagnosticsSettings.DEFAULTS,
            FindingHistory.NONE,
            c -> true,
            Clock.fixed(T0, ZoneOffset.UTC));
    engine.fullPass();
    Authorizer authorizer =
        new Authorizer(
            name -> new ClusterAccess(ClusterAccess.Mode.IMPERSONATE, "test", T0), SHOP_PODS);
    ListFindings list =
        new ListFindings(new ClusterReads(registry, authorizer), engine, FindingHistory.NONE);

    ListFindings.Page page = list.list(ALICE, "c1", FindingFilter.ACTIVE, 50, 0);

    assertThat(engine.active("c1")).hasSize(2);
    assertThat(page.items()).extracting(f -> f.subject().namespace()).containsExactly("shop");
    assertThat(page.total()).isEqualTo(1);
    assertThat(page.evaluated()).isTrue();
    assertThat(list.about(ALICE, "c1", ObjectRef.of("Pod", "bank", "vault"), true)).isEmpty();
    assertThat(list.about(ALICE, "c1", ObjectRef.of("Pod", "shop", "crash"), false))
        .extracting(Finding::severity)
        .containsExactly(Severity.CRITICAL);
    assertThatThrownBy(() -> list.list(ALICE, "c1", FindingFilter.ACTIVE, 50, -1))
        .isInstanceOf(DiagnosticsException.class);
  }
}
