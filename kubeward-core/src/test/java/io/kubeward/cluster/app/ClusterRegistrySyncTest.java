package io.kubeward.cluster.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two replicas share one database of added clusters (ADR 0053): what one adds or removes, the
 * other's registry follows at its next sync, or at once when a request names the cluster.
 */
class ClusterRegistrySyncTest {

  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  final MemoryStore store = new MemoryStore();
  final Factory factory = new Factory();
  final RuntimeClusterRegistry registry =
      new RuntimeClusterRegistry(
          List.of(new Fake("local", ManagedCluster.Source.KUBECONFIG)), "local");
  final ManageClusters manage =
      new ManageClusters(registry, factory, store, null, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aClusterAddedOnAnotherReplicaIsConnectedOnceAtTheNextSync() {
    store.put("staging");

    ManageClusters.Synced first = manage.sync();
    ManageClusters.Synced second = manage.sync();

    assertThat(first.connected()).containsExactly("staging");
    assertThat(registry.held("staging")).isPresent();
    assertThat(second.changed()).isFalse();
    assertThat(factory.connected).containsExactly("staging");
  }

  @Test
  void aClusterRemovedOnAnotherReplicaIsClosedAtTheNextSync() {
    store.put("staging");
    manage.sync();
    Fake staging = (Fake) registry.held("staging").orElseThrow();

    store.rows.remove("staging");
    ManageClusters.Synced synced = manage.sync();

    assertThat(synced.closed()).containsExactly("staging");
    assertThat(staging.closed).isTrue();
    assertThat(registry.find("staging")).isEmpty();
    assertThat(registry.find("local")).isPresent();
  }

  @Test
  void aRequestForAClusterJustAddedElsewhereFindsItWithoutWaitingForTheSync() {
    registry.lookUpMissesWith(manage::connectStored);
    store.put("prod");

    assertThat(registry.find("prod")).map(ManagedCluster::name).contains("prod");
    assertThat(registry.find("nope")).isEmpty();
    assertThat(registry.find("../x")).isEmpty();
    assertThat(manage.sync().changed()).isFalse();
    assertThat(factory.connected).containsExactly("prod");
  }

  @Test
  void theStartUpClusterIsNeverReplacedNorClosedByARowOfTheSameName() {
    store.put("local");

    assertThat(manage.sync().changed()).isFalse();

    assertThat(registry.held("local").orElseThrow().source())
        .isEqualTo(ManagedCluster.Source.KUBECONFIG);
    assertThat(factory.connected).isEmpty();
  }

  @Test
  void aRowThatCannotBeConnectedIsSkippedAndTriedAgain() {
    store.put("broken");
    factory.failing = true;

    assertThat(manage.sync().changed()).isFalse();
    assertThat(registry.held("broken")).isEmpty();

    factory.failing = false;
    assertThat(manage.sync().connected()).containsExactly("broken");
  }

  @Test
  void aDatabaseThatCannotBeReadMakesTheLookUpAnswerUnknownNotFail() {
    registry.lookUpMissesWith(manage::connectStored);
    store.down = true;

    assertThat(registry.find("prod")).isEmpty();
  }

  @Test
  void atStartUpAStoreThatCannotReadEveryClusterStopsTheRestoreBeforeAnythingConnects() {
    store.put("staging");
    store.down = true;

    assertThatThrownBy(manage::restore).hasMessageContaining("database unavailable");
    assertThat(factory.connected).isEmpty();

    store.down = false;
    manage.restore();
    assertThat(registry.held("staging")).isPresent();
  }

  static final class MemoryStore implements ClusterStore {
    final Map<String, StoredCluster> rows = new TreeMap<>();
    boolean down;

    void put(String name) {
      rows.put(name, new StoredCluster(name, "kubeconfig of " + name, null, "ada", NOW));
    }

    @Override
    public List<StoredCluster> load() {
      if (down) {
        throw new IllegalStateException("database unavailable");
      }
      return List.copyOf(rows.values());
    }

    @Override
    public void save(StoredCluster cluster) {
      rows.put(cluster.name(), cluster);
    }

    @Override
    public void delete(String name) {
      rows.remove(name);
    }
  }

  static final class Factory implements ClusterFactory {
    final List<String> connected = new ArrayList<>();
    boolean failing;

    @Override
    public ManagedCluster connect(String name, String kubeconfig, String context) {
      if (failing) {
        throw ClusterRequestException.invalidKubeconfig(name, "broken");
      }
      connected.add(name);
      return new Fake(name, ManagedCluster.Source.ADDED);
    }
  }

  static final class Fake implements ManagedCluster {
    final String name;
    final Source source;
    boolean closed;

    Fake(String name, Source source) {
      this.name = name;
      this.source = source;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Source source() {
      return source;
    }

    @Override
    public Reachability reachability() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean cacheSynced() {
      return false;
    }

    @Override
    public ClusterSnapshot snapshot() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
