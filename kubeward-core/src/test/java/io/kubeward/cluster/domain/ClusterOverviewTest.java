package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.domain.ClusterOverview.KindProgress;
import io.kubeward.cluster.domain.ClusterOverview.ZoneSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterOverviewTest {

  private static final Resources SMALL = new Resources(2000, 8L << 30, 110);

  private final List<NodeView> nodes = new ArrayList<>();
  private final List<NamespaceView> namespaces = new ArrayList<>();
  private final List<PodView> pods = new ArrayList<>();
  private final List<DeploymentView> deployments = new ArrayList<>();
  private final List<ServiceView> services = new ArrayList<>();

  private ClusterOverview compute() {
    return ClusterOverview.compute(
        "prod", "v1.34.1", new ClusterSnapshot(nodes, namespaces, pods, deployments, services));
  }

  private void node(String name, boolean ready, boolean unschedulable, String zone) {
    nodes.add(
        new NodeView(
            name,
            "u-" + name,
            "1",
            null,
            java.util.Map.of(),
            ready,
            unschedulable,
            zone,
            List.of(),
            SMALL,
            SMALL,
            "v1.34.1"));
  }

  private void pod(PodPhase phase, PodProblem problem) {
    int n = pods.size();
    pods.add(
        new PodView(
            "ns",
            "p" + n,
            "u" + n,
            "1",
            null,
            java.util.Map.of(),
            null,
            "n1",
            phase,
            problem,
            "1/1",
            0,
            null,
            new Resources(100, 1000, 1),
            new Resources(200, 2000, 1)));
  }

  @Test
  void emptyClusterHasZerosInAStableShape() {
    ClusterOverview overview = compute();

    assertThat(overview.cluster()).isEqualTo("prod");
    assertThat(overview.kubernetesVersion()).isEqualTo("v1.34.1");
    assertThat(overview.nodes().total()).isZero();
    assertThat(overview.nodes().zones()).isEmpty();
    assertThat(overview.pods().byPhase())
        .containsExactly(
            entry("Pending", 0),
            entry("Running", 0),
            entry("Succeeded", 0),
            entry("Failed", 0),
            entry("Unknown", 0));
    assertThat(overview.pods().byProblem())
        .containsOnlyKeys(
            "Evicted",
            "Unschedulable",
            "ImagePullBackOff",
            "ErrImagePull",
            "CreateContainerConfigError",
            "OOMKilled",
            "CrashLoopBackOff")
        .allSatisfy((reason, count) -> assertThat(count).isZero());
    assertThat(overview.allocatable()).isEqualTo(Resources.ZERO);
  }

  @Test
  void countsReadyNotReadyAndCordonedNodes() {
    node("a", true, false, "zone-a");
    node("b", true, true, "zone-a");
    node("c", false, false, "zone-b");

    ClusterOverview.NodeSummary summary = compute().nodes();

    assertThat(summary.total()).isEqualTo(3);
    assertThat(summary.ready()).isEqualTo(2);
    assertThat(summary.notReady()).isEqualTo(1);
    assertThat(summary.unschedulable()).isEqualTo(1);
  }

  @Test
  void groupsNodesByZoneSortedWithZonelessNodesLast() {
    node("c", false, false, "zone-b");
    node("x", true, false, null);
    node("a", true, false, "zone-a");
    node("b", true, false, "zone-a");

    assertThat(compute().nodes().zones())
        .containsExactly(
            new ZoneSummary("zone-a", 2, 2),
            new ZoneSummary("zone-b", 1, 0),
            new ZoneSummary(null, 1, 1));
  }

  @Test
  void sumsAllocatableOverAllNodesReadyOrNot() {
    node("a", true, false, "zone-a");
    node("b", false, false, "zone-b");

    assertThat(compute().allocatable()).isEqualTo(new Resources(4000, 16L << 30, 220));
  }

  @Test
  void countsPodsByPhaseAndByProblem() {
    pod(PodPhase.RUNNING, null);
    pod(PodPhase.RUNNING, null);
    pod(PodPhase.RUNNING, PodProblem.CRASH_LOOP_BACK_OFF);
    pod(PodPhase.RUNNING, PodProblem.OOM_KILLED);
    pod(PodPhase.PENDING, PodProblem.UNSCHEDULABLE);
    pod(PodPhase.PENDING, PodProblem.IMAGE_PULL_BACK_OFF);
    pod(PodPhase.PENDING, PodProblem.ERR_IMAGE_PULL);
    pod(PodPhase.PENDING, PodProblem.CREATE_CONTAINER_CONFIG_ERROR);
    pod(PodPhase.FAILED, PodProblem.EVICTED);
    pod(PodPhase.SUCCEEDED, null);
    pod(PodPhase.UNKNOWN, null);

    ClusterOverview.PodSummary summary = compute().pods();

    assertThat(summary.total()).isEqualTo(11);
    assertThat(summary.withProblems()).isEqualTo(7);
    assertThat(summary.byPhase())
        .containsExactly(
            entry("Pending", 4),
            entry("Running", 4),
            entry("Succeeded", 1),
            entry("Failed", 1),
            entry("Unknown", 1));
    assertThat(summary.byProblem())
        .containsExactly(
            entry("Evicted", 1),
            entry("Unschedulable", 1),
            entry("ImagePullBackOff", 1),
            entry("ErrImagePull", 1),
            entry("CreateContainerConfigError", 1),
            entry("OOMKilled", 1),
            entry("CrashLoopBackOff", 1));
  }

  @Test
  void deploymentIsAvailableWhenAllDesiredReplicasAreAvailable() {
    deployments.add(new DeploymentView("ns", "ok", "1", "1", null, java.util.Map.of(), 3, 3, 3, 3));
    deployments.add(
        new DeploymentView("ns", "rolling", "2", "1", null, java.util.Map.of(), 3, 2, 2, 1));
    deployments.add(
        new DeploymentView("ns", "scaled-to-zero", "3", "1", null, java.util.Map.of(), 0, 0, 0, 0));
    deployments.add(
        new DeploymentView("ns", "surge", "4", "1", null, java.util.Map.of(), 2, 3, 3, 1));

    ClusterOverview.DeploymentSummary summary = compute().deployments();

    assertThat(summary.total()).isEqualTo(4);
    assertThat(summary.available()).isEqualTo(3);
    assertThat(summary.unavailable()).isEqualTo(1);
  }

  @Test
  void countsNamespacesAndServices() {
    namespaces.add(new NamespaceView("default", "1", "1", null, java.util.Map.of(), "Active"));
    namespaces.add(new NamespaceView("kube-system", "2", "1", null, java.util.Map.of(), "Active"));
    services.add(
        new ServiceView(
            "default", "kubernetes", "3", "1", null, java.util.Map.of(), "ClusterIP", null, ""));

    ClusterOverview overview = compute();

    assertThat(overview.namespaces()).isEqualTo(2);
    assertThat(overview.services()).isEqualTo(1);
  }

  @Test
  void overviewOfAListedClusterIsNotLoadingAndEveryKindIsSynced() {
    node("n1", true, false, "a");
    pod(PodPhase.RUNNING, null);

    ClusterOverview overview = compute();

    assertThat(overview.loading()).isFalse();
    assertThat(overview.kinds())
        .extracting(KindProgress::kind, KindProgress::synced, KindProgress::objects)
        .containsExactly(
            tuple("nodes", true, 1),
            tuple("namespaces", true, 1),
            tuple("pods", true, 1),
            tuple("deployments", true, 0),
            tuple("services", true, 0));
  }

  @Test
  void whilePodsStillListTheOverviewCountsThoseListedAndIsMarkedLoading() {
    node("n1", true, false, "a");
    pod(PodPhase.RUNNING, null);
    pod(PodPhase.PENDING, PodProblem.UNSCHEDULABLE);

    ClusterOverview overview =
        ClusterOverview.compute(
            "prod",
            "v1.34.1",
            new ClusterSnapshot(nodes, namespaces, pods, deployments, services),
            OverviewVisibility.uniform(NamespaceVisibility.ALL),
            Set.of(CachedKind.PODS));

    assertThat(overview.loading()).isTrue();
    assertThat(overview.pods().total()).isEqualTo(2);
    assertThat(overview.pods().withProblems()).isEqualTo(1);
    assertThat(overview.kinds())
        .filteredOn(kind -> !kind.synced())
        .extracting(KindProgress::kind, KindProgress::objects)
        .containsExactly(tuple("pods", 2));
  }

  @Test
  void aKindOutsideTheOverviewStillListingDoesNotMakeItLoading() {
    ClusterOverview overview =
        ClusterOverview.compute(
            "prod",
            "v1.34.1",
            new ClusterSnapshot(nodes, namespaces, pods, deployments, services),
            OverviewVisibility.uniform(NamespaceVisibility.ALL),
            Set.of(CachedKind.EVENTS, CachedKind.CONFIGMAPS));

    assertThat(overview.loading()).isFalse();
    assertThat(overview.kinds()).allMatch(KindProgress::synced);
  }

  @Test
  void progressCountsOnlyWhatTheCallerSeesAndNoNodesForANamespaceScopedCaller() {
    node("n1", true, false, "a");
    pod(PodPhase.RUNNING, null);
    pods.add(otherNamespacePod());

    ClusterOverview overview =
        ClusterOverview.compute(
            "prod",
            "v1.34.1",
            new ClusterSnapshot(nodes, namespaces, pods, deployments, services),
            OverviewVisibility.uniform(NamespaceVisibility.only(Set.of("ns"))),
            Set.of(CachedKind.NODES, CachedKind.PODS));

    assertThat(overview.loading()).isTrue();
    assertThat(overview.kinds())
        .extracting(KindProgress::kind, KindProgress::synced, KindProgress::objects)
        .containsExactly(
            tuple("nodes", false, null),
            tuple("namespaces", true, 1),
            tuple("pods", false, 1),
            tuple("deployments", true, 0),
            tuple("services", true, 0));
  }

  private static PodView otherNamespacePod() {
    return new PodView(
        "other",
        "secret-pod",
        "u-other",
        "1",
        null,
        java.util.Map.of(),
        null,
        "n1",
        PodPhase.RUNNING,
        null,
        "1/1",
        0,
        null,
        Resources.ZERO,
        Resources.ZERO);
  }
}
