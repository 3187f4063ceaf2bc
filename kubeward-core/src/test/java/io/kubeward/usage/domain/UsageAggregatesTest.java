package io.kubeward.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.domain.ContainerResources;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.OwnerRef;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.Resources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UsageAggregatesTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final long MI = 1024 * 1024;

  static NodeView node(String name, long cpuMillis, long memoryBytes, long pods) {
    Resources allocatable = new Resources(cpuMillis, memoryBytes, pods);
    return new NodeView(
        name,
        "u-" + name,
        "1",
        NOW,
        Map.of(),
        true,
        false,
        "a",
        List.of(),
        allocatable,
        allocatable,
        "v1.34.4");
  }

  static PodView pod(
      String namespace,
      String name,
      String node,
      OwnerRef owner,
      ContainerResources... containers) {
    long cpuRequest = 0;
    long memoryRequest = 0;
    long cpuLimit = 0;
    long memoryLimit = 0;
    for (ContainerResources c : containers) {
      cpuRequest += c.cpuRequest();
      memoryRequest += c.memoryRequest();
      cpuLimit += c.cpuLimit();
      memoryLimit += c.memoryLimit();
    }
    return new PodView(
        namespace,
        name,
        "u-" + name,
        "1",
        NOW,
        Map.of("app", name),
        owner,
        node,
        PodPhase.RUNNING,
        null,
        "1/1",
        2,
        null,
        new Resources(cpuRequest, memoryRequest, 1),
        new Resources(cpuLimit, memoryLimit, 1),
        List.of(containers));
  }

  static ContainerResources container(
      String name, long cpuRequest, long memoryRequest, long cpuLimit, long memoryLimit) {
    return new ContainerResources(name, cpuRequest, memoryRequest, cpuLimit, memoryLimit);
  }

  static MetricsSnapshot metrics(List<NodeSample> nodes, List<PodSample> pods) {
    Map<String, NodeSample> byName = new HashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    Map<String, Map<String, PodSample>> byNamespace = new HashMap<>();
    pods.forEach(
        p -> byNamespace.computeIfAbsent(p.namespace(), n -> new HashMap<>()).put(p.name(), p));
    return new MetricsSnapshot("c", MetricsSource.metricsApi(), NOW, byName, byNamespace, false);
  }

  static PodSample sample(String namespace, String name, ContainerSample... containers) {
    return new PodSample(namespace, name, NOW, Duration.ofSeconds(15), List.of(containers));
  }

  private final List<NodeView> nodes =
      List.of(node("n1", 2000, 4096 * MI, 110), node("n2", 1000, 2048 * MI, 110));

  private final List<PodView> pods =
      List.of(
          pod(
              "a",
              "web-1",
              "n1",
              new OwnerRef("ReplicaSet", "web-5d9"),
              container("app", 250, 128 * MI, 500, 256 * MI),
              container("sidecar", 50, 32 * MI, 100, 64 * MI)),
          pod(
              "a",
              "web-2",
              "n2",
              new OwnerRef("ReplicaSet", "web-5d9"),
              container("app", 250, 128 * MI, 500, 256 * MI)),
          pod(
              "b",
              "db-0",
              "n2",
              new OwnerRef("StatefulSet", "db"),
              container("db", 500, 1024 * MI, 2000, 2048 * MI)),
          pod("b", "loose", "n1", null, container("c", 0, 0, 0, 0)));

  private final MetricsSnapshot metrics =
      metrics(
          List.of(
              new NodeSample("n1", NOW, Duration.ofSeconds(15), 1_500_000_000L, 1024 * MI),
              new NodeSample("n2", NOW, Duration.ofSeconds(15), 250_000_000L, 512 * MI)),
          List.of(
              sample(
                  "a",
                  "web-1",
                  new ContainerSample("app", 100_000_001L, 200 * MI),
                  new ContainerSample("sidecar", 1L, 10 * MI)),
              sample("a", "web-2", new ContainerSample("app", 50_000_000L, 100 * MI)),
              sample("b", "db-0", new ContainerSample("db", 700_000_000L, 512 * MI))));

  @Test
  void overviewSumsNodeUsageRequestsLimitsAndAllocatableWithTopNodesAndNamespaces() {
    UsageOverview overview =
        UsageAggregates.overview("c", metrics, nodes, pods, UsageVisibility.ALL);

    assertThat(overview.source().kind()).isEqualTo("metrics-api");
    assertThat(overview.sampledAt()).isEqualTo(NOW);
    assertThat(overview.cpu()).isEqualTo(new UsageAmount(1750L, 1050, 3100, 3000L, 58.33));
    assertThat(overview.memory().used()).isEqualTo(1536 * MI);
    assertThat(overview.memory().allocatable()).isEqualTo(6144 * MI);
    assertThat(overview.pods()).isEqualTo(new UsagePodCount(4, 220L));
    // n1 uses 75 % of its CPU, n2 25 %
    assertThat(overview.topNodes()).extracting(UsageNode::name).containsExactly("n1", "n2");
    // b uses 700m, a 151m (100.000001m + 0.000001m + 50m, rounded up once: 151m)
    assertThat(overview.topNamespaces()).extracting(UsageNamespace::name).containsExactly("b", "a");
    assertThat(overview.topNamespaces().get(1).cpu().used()).isEqualTo(151L);
  }

  @Test
  void aNamespaceScopedCallerSeesOnlyItsPodsUsageAndNoNodes() {
    UsageVisibility scoped =
        new UsageVisibility(
            false,
            false,
            NamespaceVisibility.only(Set.of("a")),
            NamespaceVisibility.only(Set.of("a")),
            NamespaceVisibility.NONE);

    UsageOverview overview = UsageAggregates.overview("c", metrics, nodes, pods, scoped);

    assertThat(overview.topNodes()).isEmpty();
    assertThat(overview.cpu().allocatable()).isNull();
    assertThat(overview.cpu().used()).isEqualTo(151L);
    assertThat(overview.cpu().requested()).isEqualTo(550);
    assertThat(overview.topNamespaces()).extracting(UsageNamespace::name).containsExactly("a");
  }

  @Test
  void withoutPodMetricsRightsUsageIsNullButRequestsStay() {
    UsageVisibility noMetrics =
        new UsageVisibility(
            false,
            false,
            NamespaceVisibility.ALL,
            NamespaceVisibility.NONE,
            NamespaceVisibility.ALL);

    UsagePod row = UsageAggregates.pod(pods.get(0), metrics, noMetrics);

    assertThat(row.cpu().used()).isNull();
    assertThat(row.cpu().requested()).isEqualTo(300);
    assertThat(row.containers()).allSatisfy(c -> assertThat(c.memory().used()).isNull());
    assertThat(row.closestToMemoryLimit()).isNull();
  }

  @Test
  void nodesShowUsagePercentOfAllocatableAndOvercommitOfLimits() {
    UsageNodeList list = UsageAggregates.nodes("c", metrics, nodes, pods, UsageVisibility.ALL);

    UsageNode n2 = list.items().get(1);
    assertThat(n2.name()).isEqualTo("n2");
    assertThat(n2.cpu()).isEqualTo(new UsageAmount(250L, 750, 2500, 1000L, 25.0));
    assertThat(n2.memory().usedPercent()).isEqualTo(25.0);
    assertThat(n2.pods()).isEqualTo(new UsagePodCount(2, 110L));
    assertThat(n2.overcommit().cpu()).isEqualTo(2.5);
    assertThat(n2.overcommit().memory()).isEqualTo(1.125);
    assertThat(n2.timestamp()).isEqualTo(NOW);
  }

  @Test
  void aPodCallsOutTheContainerClosestToItsMemoryLimit() {
    UsagePod web1 = UsageAggregates.pod(pods.get(0), metrics, UsageVisibility.ALL);

    // app: 200Mi of 256Mi (0.78), sidecar 10Mi of 64Mi (0.16)
    assertThat(web1.closestToMemoryLimit()).isEqualTo("app");
    assertThat(web1.containers())
        .extracting(UsageContainer::name)
        .containsExactly("app", "sidecar");
    assertThat(web1.containers().get(0).memoryLimitRatio()).isEqualTo(0.7813);
    assertThat(web1.containers().get(0).cpu().used()).isEqualTo(101L);
    assertThat(web1.containers().get(1).cpu().used()).isEqualTo(1L);
    // the pod sums its containers exactly, then rounds up once (as kubectl top)
    assertThat(web1.cpu().used()).isEqualTo(101L);
    assertThat(web1.memory().used()).isEqualTo(210 * MI);
    assertThat(web1.restarts()).isEqualTo(2);
  }

  @Test
  void workloadsFollowReplicaSetsToTheirDeployment() {
    OwnerLookup owners =
        (namespace, kind, name) ->
            kind.equals("ReplicaSet") && name.equals("web-5d9")
                ? new OwnerRef("Deployment", "web")
                : null;

    UsageWorkloadList a =
        UsageAggregates.workloads("c", "a", metrics, pods, owners, UsageVisibility.ALL);
    UsageWorkloadList b =
        UsageAggregates.workloads("c", "b", metrics, pods, owners, UsageVisibility.ALL);

    assertThat(a.items())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo("Deployment");
              assertThat(w.name()).isEqualTo("web");
              assertThat(w.pods()).isEqualTo(2);
              assertThat(w.cpu().used()).isEqualTo(151L);
              assertThat(w.memory().requested()).isEqualTo(288 * MI);
            });
    assertThat(b.items())
        .extracting(UsageWorkload::kind, UsageWorkload::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Pod", "loose"),
            org.assertj.core.groups.Tuple.tuple("StatefulSet", "db"));
    // a pod without a sample in a measured namespace counts 0, not "unknown"
    assertThat(b.items().get(0).cpu().used()).isZero();
  }

  @Test
  void namespacesCarryTheirQuotasInApiUnits() {
    ObjectView quota =
        new ObjectView(
            "a",
            "compute",
            "u-q",
            "1",
            NOW,
            Map.of(),
            null,
            "",
            Map.of(
                "hard", Map.of("requests.cpu", "2", "limits.memory", "4Gi", "pods", "10"),
                "used", Map.of("requests.cpu", "550m", "limits.memory", "576Mi", "pods", "2")));
    List<NamespaceView> namespaces =
        List.of(
            new NamespaceView("a", "ua", "1", NOW, Map.of(), "Active"),
            new NamespaceView("b", "ub", "1", NOW, Map.of(), "Active"));

    UsageNamespaceList list =
        UsageAggregates.namespaces(
            "c", metrics, namespaces, pods, List.of(quota), UsageVisibility.ALL);

    assertThat(list.items()).extracting(UsageNamespace::name).containsExactly("a", "b");
    assertThat(list.items().get(0).quotas())
        .containsExactly(
            new UsageQuota("compute", "limits.memory", "bytes", 576 * MI, 4096 * MI, 14.06),
            new UsageQuota("compute", "pods", "count", 2, 10, 20.0),
            new UsageQuota("compute", "requests.cpu", "millicores", 550, 2000, 27.5));
    assertThat(list.items().get(1).quotas()).isEmpty();
  }

  @Test
  void withoutAMetricsSourceEverythingButUsageIsThere() {
    MetricsSnapshot none =
        MetricsSnapshot.absent(
            "c", MetricsSource.none(MetricsSource.Reason.NOT_INSTALLED, "404"), NOW);

    UsageOverview overview = UsageAggregates.overview("c", none, nodes, pods, UsageVisibility.ALL);

    assertThat(overview.source().kind()).isEqualTo("none");
    assertThat(overview.source().reason()).isEqualTo("not-installed");
    assertThat(overview.source().installHint()).contains("metrics-server");
    assertThat(overview.sampledAt()).isNull();
    assertThat(overview.cpu().used()).isNull();
    assertThat(overview.cpu().requested()).isEqualTo(1050);
    assertThat(overview.cpu().allocatable()).isEqualTo(3000L);
    // ordered by requests when nothing is measured: n2 requests 75 % of its CPU
    assertThat(overview.topNodes()).extracting(UsageNode::name).containsExactly("n2", "n1");
  }

  @Test
  void podPagesSortByUsageAndContinueAfterTheLastRow() {
    List<PodView> many = new ArrayList<>(pods);
    UsagePodList first =
        PodPages.page("c", metrics, many, UsageVisibility.ALL, PodPages.Sort.CPU, 2, null);

    assertThat(first.total()).isEqualTo(4);
    assertThat(first.items()).extracting(UsagePod::name).containsExactly("db-0", "web-1");
    assertThat(first.continueToken()).isNotNull();

    UsagePodList second =
        PodPages.page(
            "c",
            metrics,
            many,
            UsageVisibility.ALL,
            PodPages.Sort.CPU,
            2,
            PodPages.Cursor.decode(first.continueToken(), PodPages.Sort.CPU));

    assertThat(second.items()).extracting(UsagePod::name).containsExactly("web-2", "loose");
    assertThat(second.continueToken()).isNull();
  }

  @Test
  void unitsRoundLikeKubectlTop() {
    assertThat(Units.nanos(new io.fabric8.kubernetes.api.model.Quantity("123456789n")))
        .isEqualTo(123_456_789L);
    assertThat(Units.millisOfNanos(123_456_789L)).isEqualTo(124);
    assertThat(Units.nanos(new io.fabric8.kubernetes.api.model.Quantity("250m")))
        .isEqualTo(250_000_000L);
    assertThat(Units.whole(new io.fabric8.kubernetes.api.model.Quantity("1000Ki")))
        .isEqualTo(1_024_000L);
    assertThat(Units.millis(new io.fabric8.kubernetes.api.model.Quantity("2"))).isEqualTo(2000);
    assertThat(Units.percent(1L, 3L)).isEqualTo(33.33);
    assertThat(Units.percent(1L, 0L)).isNull();
  }
}
