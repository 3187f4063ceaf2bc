package io.kubeward.alert.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.alert.app.AlertRuleSource.Evaluation;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SiteRulesTest {

  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  record Cluster(String name, Reachability reachability) implements ManagedCluster {
    @Override
    public boolean cacheSynced() {
      return true;
    }

    @Override
    public ClusterSnapshot snapshot() {
      throw new UnsupportedOperationException();
    }
  }

  static ClusterRegistry registry(List<ManagedCluster> clusters) {
    return new ClusterRegistry() {
      @Override
      public List<ManagedCluster> all() {
        return clusters;
      }

      @Override
      public Optional<ManagedCluster> find(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
      }

      @Override
      public String defaultClusterName() {
        return clusters.getFirst().name();
      }
    };
  }

  /** A lease in memory: the same rules as the JDBC one. */
  static final class MemoryLease implements SiteLease {
    final Map<String, Holder> leases = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean acquire(
        String name, String identity, Instant now, Duration duration) {
      Holder h = leases.get(name);
      if (h == null || h.identity().equals(identity) || h.until().isBefore(now)) {
        leases.put(name, new Holder(identity, now.plus(duration)));
        return true;
      }
      return false;
    }

    @Override
    public void release(String name, String identity) {
      leases.computeIfPresent(
          name, (k, h) -> h.identity().equals(identity) ? new Holder(identity, Instant.EPOCH) : h);
    }

    @Override
    public Optional<Holder> holder(String name) {
      return Optional.ofNullable(leases.get(name));
    }
  }

  @Test
  void firesForClustersUnreachableLongEnoughAndHoldsAFiringOneUntilReachable() {
    Reachability down = Reachability.unknown(T0).afterFailure(T0, "connection refused");
    Reachability up =
        Reachability.unknown(T0).afterSuccess(T0, Duration.ofMillis(3), "v1.34.4", null);
    Reachability unknown = Reachability.unknown(T0.plusSeconds(290));
    Set<String> firing = new HashSet<>();
    SiteLeader leader =
        new SiteLeader(
            new MemoryLease(), "a", AlertEngineSettings.defaults(), java.time.Clock.systemUTC());
    SiteRules rules =
        new SiteRules(
            registry(
                List.of(
                    new Cluster("east", down),
                    new Cluster("west", up),
                    new Cluster("north", unknown),
                    new Cluster("south", down.afterFailure(T0, "x")))),
            leader,
            Duration.ofMinutes(3),
            firing::contains);
    Evaluation early = rules.evaluate(SiteRules.UNREACHABLE, T0.plusSeconds(60));
    assertThat(early.samples()).isEmpty();

    Evaluation later = rules.evaluate(SiteRules.UNREACHABLE, T0.plusSeconds(180));
    assertThat(later.samples())
        .extracting(s -> s.labels().get("cluster"))
        .containsExactlyInAnyOrder("east", "south");
    AlertSample east = later.samples().getFirst();
    assertThat(east.annotations().get("summary.zh-CN")).contains("无法连接集群");
    assertThat(east.annotations().get("description")).contains("connection refused");

    // a restarted replica has not probed north yet: its firing alert holds
    firing.add("north");
    assertThat(rules.evaluate(SiteRules.UNREACHABLE, T0.plusSeconds(300)).samples())
        .extracting(s -> s.labels().get("cluster"))
        .contains("north");
    firing.add("west");
    assertThat(rules.evaluate(SiteRules.UNREACHABLE, T0.plusSeconds(300)).samples())
        .extracting(s -> s.labels().get("cluster"))
        .doesNotContain("west");
  }

  @Test
  void oneReplicaLeadsUntilItsLeaseRunsOut() {
    MemoryLease lease = new MemoryLease();
    AlertEngineTest.MutableClock clock = new AlertEngineTest.MutableClock();
    AlertEngineSettings settings = AlertEngineSettings.defaults(); // 15 s lease, renewed every 5 s
    SiteLeader a = new SiteLeader(lease, "a", settings, clock);
    SiteLeader b = new SiteLeader(lease, "b", settings, clock);
    a.renew();
    b.renew();
    assertThat(a.leading()).isTrue();
    assertThat(b.leading()).isFalse();

    // a stops renewing (killed): it stops acting one renew period before its lease ends
    clock.now = clock.now.plusSeconds(11);
    assertThat(a.leading()).isFalse();
    b.renew();
    assertThat(b.leading()).isFalse();
    clock.now = clock.now.plusSeconds(5);
    b.renew();
    assertThat(b.leading()).isTrue();
    a.renew();
    assertThat(a.leading()).isFalse();

    // a clean stop hands over at the next renewal
    b.release();
    assertThat(b.leading()).isFalse();
    a.renew();
    assertThat(a.leading()).isTrue();
  }
}
