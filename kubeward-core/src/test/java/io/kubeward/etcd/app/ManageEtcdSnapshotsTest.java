package io.kubeward.etcd.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.audit.app.InMemoryAuditLog;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.domain.BackupLocation;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.etcd.domain.EtcdException;
import io.kubeward.etcd.domain.EtcdRules;
import io.kubeward.etcd.domain.EtcdSnapshot;
import io.kubeward.etcd.domain.SnapshotDigest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The snapshot use cases over in-memory fakes of the ports: a snapshot streams into the store with
 * its checksum and metadata, retention keeps the newest, verification catches a changed file, only
 * administrators may act, everything is audited, and the schedule fires once per due time as the
 * injected clock moves.
 */
class ManageEtcdSnapshotsTest {

  static final Instant T0 = Instant.parse("2026-12-04T07:00:00Z");
  static final Caller ADMIN =
      new Caller(
          new Principal("alice", List.of(new Grant(Role.ADMIN, Scope.everywhere()))),
          Origin.API,
          "127.0.0.1");
  static final Caller OPERATOR =
      new Caller(
          new Principal("bob", List.of(new Grant(Role.OPERATOR, Scope.everywhere()))),
          Origin.API,
          "127.0.0.1");

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  /** An in-memory storage location. */
  static final class MemoryStore implements ArchiveStore {
    final Map<String, byte[]> files = new TreeMap<>();
    final Map<String, Instant> times = new TreeMap<>();
    final Clock clock;

    MemoryStore(Clock clock) {
      this.clock = clock;
    }

    @Override
    public String location() {
      return "local";
    }

    @Override
    public Upload create(String key) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      return new Upload() {
        boolean aborted;

        @Override
        public OutputStream stream() {
          return buffer;
        }

        @Override
        public void close() {
          if (!aborted) {
            files.put(key, buffer.toByteArray());
            times.put(key, clock.instant());
          }
        }

        @Override
        public void abort() {
          aborted = true;
        }
      };
    }

    @Override
    public Optional<InputStream> open(String key) {
      return Optional.ofNullable(files.get(key)).map(ByteArrayInputStream::new);
    }

    @Override
    public Optional<StoredFile> stat(String key) {
      return Optional.ofNullable(files.get(key))
          .map(b -> new StoredFile(key, b.length, times.get(key)));
    }

    @Override
    public List<StoredFile> list(String prefix, int max) {
      return files.keySet().stream()
          .filter(k -> k.startsWith(prefix))
          .limit(max)
          .map(k -> new StoredFile(k, files.get(k).length, times.get(k)))
          .toList();
    }

    @Override
    public void delete(String key) {
      files.remove(key);
      times.remove(key);
    }
  }

  final MovingClock clock = new MovingClock();
  final MemoryStore store = new MemoryStore(clock);
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  final AuditedAction audited = new AuditedAction(audit, TestAuthorizers.impersonating(), clock);
  final AtomicInteger taken = new AtomicInteger();
  final Map<String, EtcdConnectionStore.Stored> connections = new TreeMap<>();
  boolean keyLost;

  final EtcdConnectionStore connectionStore =
      new EtcdConnectionStore() {
        @Override
        public Optional<Stored> find(String cluster) {
          if (keyLost && connections.containsKey(cluster)) {
            throw EtcdException.unreadable(cluster);
          }
          return Optional.ofNullable(connections.get(cluster));
        }

        @Override
        public void save(Stored stored) {
          connections.put(stored.cluster(), stored);
        }

        @Override
        public boolean delete(String cluster) {
          return connections.remove(cluster) != null;
        }

        @Override
        public List<String> clusters() {
          return List.copyOf(connections.keySet());
        }
      };

  /** etcd: a database of random pages followed by its SHA-256, as etcd streams it. */
  final EtcdSnapshotter snapshotter =
      (cluster, connection, tls, out) -> {
        try {
          byte[] db = new byte[16 * 512];
          new Random(taken.incrementAndGet()).nextBytes(db);
          out.write(db);
          out.write(MessageDigest.getInstance("SHA-256").digest(db));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return new EtcdSnapshotter.Taken("https://10.0.0.1:2379", 42L + taken.get(), "3.6.16");
      };

  final ManagedCluster c1 =
      new ManagedCluster() {
        @Override
        public String name() {
          return "c1";
        }

        @Override
        public Reachability reachability() {
          return Reachability.unknown(T0);
        }

        @Override
        public boolean cacheSynced() {
          return true;
        }

        @Override
        public ClusterSnapshot snapshot() {
          throw new UnsupportedOperationException();
        }
      };

  final ClusterRegistry registry =
      new ClusterRegistry() {
        @Override
        public List<ManagedCluster> all() {
          return List.of(c1);
        }

        @Override
        public Optional<ManagedCluster> find(String name) {
          return name.equals("c1") ? Optional.of(c1) : Optional.empty();
        }

        @Override
        public String defaultClusterName() {
          return "c1";
        }
      };

  final ArchiveStores stores =
      new ArchiveStores() {
        @Override
        public ArchiveStore store(String name) {
          return store;
        }

        @Override
        public List<BackupLocation> locations() {
          return List.of(
              new BackupLocation(
                  BackupLocation.LOCAL,
                  BackupLocation.Type.LOCAL,
                  null,
                  null,
                  null,
                  "",
                  false,
                  false));
        }
      };

  final ManageEtcdConnections manageConnections =
      new ManageEtcdConnections(
          registry, connectionStore, stores, EtcdRules.defaults(), 2, audited, clock);
  final ManageEtcdSnapshots snapshots =
      new ManageEtcdSnapshots(manageConnections, snapshotter, stores, audited, clock);

  static String pem(String name) {
    try (InputStream in =
        ManageEtcdSnapshotsTest.class.getResourceAsStream("/io/kubeward/etcd/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void configure() {
    manageConnections.set(
        ADMIN,
        "c1",
        new ManageEtcdConnections.Change(
            List.of("https://10.0.0.1:2379"),
            pem("ca.crt"),
            pem("client.crt"),
            pem("client.key"),
            null,
            null));
  }

  List<String> verbs() {
    List<String> verbs = new ArrayList<>();
    for (AuditRecord r : audit.find(AuditQuery.latest(1000))) {
      verbs.add(r.entry().verb() + ":" + r.entry().result());
    }
    return verbs;
  }

  @Test
  void aSnapshotIsStoredWithChecksumAndMetadataAndPrunedByRetention() throws Exception {
    configure();
    ManageEtcdConnections.View view = manageConnections.get(ADMIN, "c1");
    assertThat(view.retain()).isEqualTo(2);
    assertThat(view.clientCertificate().subject()).isEqualTo("CN=test-client");

    EtcdSnapshot first = snapshots.save(ADMIN, "c1");
    assertThat(first.id()).isEqualTo("20261204T070000Z");
    assertThat(first.revision()).isEqualTo(43L);
    assertThat(first.etcdVersion()).isEqualTo("3.6.16");
    assertThat(store.files)
        .containsKeys(
            "etcd/c1/20261204T070000Z.db",
            "etcd/c1/20261204T070000Z.db.sha256",
            "etcd/c1/20261204T070000Z.json");
    assertThat(
            new String(
                store.files.get("etcd/c1/20261204T070000Z.db.sha256"), StandardCharsets.UTF_8))
        .isEqualTo(first.sha256() + "  20261204T070000Z.db\n");
    assertThat(snapshots.get(ADMIN, "c1", first.id())).isEqualTo(first);

    // the same second again: refused, not overwritten
    assertThatThrownBy(() -> snapshots.save(ADMIN, "c1"))
        .isInstanceOfSatisfying(
            EtcdException.class,
            e -> assertThat(e.code()).isEqualTo(EtcdException.SNAPSHOT_EXISTS));

    clock.advance(Duration.ofMinutes(1));
    EtcdSnapshot second = snapshots.save(ADMIN, "c1");
    clock.advance(Duration.ofMinutes(1));
    EtcdSnapshot third = snapshots.save(ADMIN, "c1");
    assertThat(snapshots.list(ADMIN, "c1"))
        .extracting(EtcdSnapshot::id)
        .containsExactly(third.id(), second.id());
    assertThat(store.files.keySet()).noneMatch(k -> k.contains(first.id()));
    assertThat(verbs()).contains("etcd.configure:SUCCESS", "etcd.snapshot.save:SUCCESS");
  }

  @Test
  void verificationCatchesAChangedFile() throws Exception {
    configure();
    EtcdSnapshot s = snapshots.save(ADMIN, "c1");
    assertThat(snapshots.verify(ADMIN, "c1", s.id()).ok()).isTrue();
    assertThat(snapshots.verify(ADMIN, "c1", s.id()).etcdIntegrity())
        .isEqualTo(SnapshotDigest.Integrity.OK);

    store.files.get(EtcdSnapshot.dbKey("c1", s.id()))[100] ^= 1;
    var failed = snapshots.verify(ADMIN, "c1", s.id());
    assertThat(failed.ok()).isFalse();
    assertThat(failed.etcdIntegrity()).isEqualTo(SnapshotDigest.Integrity.MISMATCH);
    assertThat(failed.problems()).anyMatch(p -> p.contains("SHA-256"));

    try (InputStream in = snapshots.download(ADMIN, "c1", s.id()).content()) {
      assertThat(in.readAllBytes()).hasSize((int) s.size());
    }
    snapshots.delete(ADMIN, "c1", s.id());
    assertThat(store.files).isEmpty();
    assertThatThrownBy(() -> snapshots.verify(ADMIN, "c1", s.id()))
        .isInstanceOfSatisfying(
            EtcdException.class,
            e -> assertThat(e.code()).isEqualTo(EtcdException.SNAPSHOT_NOT_FOUND));
    assertThatThrownBy(() -> snapshots.get(ADMIN, "c1", "../../x"))
        .isInstanceOf(EtcdException.class);
  }

  @Test
  void onlyAdministratorsAndEveryAttemptIsAudited() {
    assertThatThrownBy(() -> snapshots.save(ADMIN, "c1"))
        .isInstanceOfSatisfying(
            EtcdException.class, e -> assertThat(e.code()).isEqualTo(EtcdException.NOT_CONFIGURED));
    configure();
    assertThatThrownBy(() -> snapshots.save(OPERATOR, "c1"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> snapshots.list(OPERATOR, "c1"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> manageConnections.get(OPERATOR, "c1"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(verbs()).contains("etcd.snapshot.save:FAILURE");
    assertThat(store.files).isEmpty();
    // the audit diff names the key, never shows it
    assertThat(audit.find(AuditQuery.latest(1000)).toString()).doesNotContain("PRIVATE KEY");
  }

  @Test
  void aConnectionWhoseKeyNoLongerDecryptsIsReplacedByAFullChange() {
    configure();
    keyLost = true;
    assertThatThrownBy(() -> snapshots.save(ADMIN, "c1"))
        .isInstanceOfSatisfying(
            EtcdException.class, e -> assertThat(e.code()).isEqualTo(EtcdException.UNREADABLE));
    // a change without the PEM cannot keep what cannot be read
    assertThatThrownBy(
            () ->
                manageConnections.set(
                    ADMIN,
                    "c1",
                    new ManageEtcdConnections.Change(
                        List.of("https://10.0.0.9:2379"), null, null, null, null, null)))
        .isInstanceOfSatisfying(
            EtcdException.class, e -> assertThat(e.getMessage()).contains("key: is required"));
    configure();
    keyLost = false;
    assertThat(snapshots.save(ADMIN, "c1").id()).isEqualTo("20261204T070000Z");
  }

  @Test
  void theScheduleFiresOncePerDueTimeAsTheClockMoves() {
    configure();
    ScheduledEtcdSnapshots schedule =
        new ScheduledEtcdSnapshots(
            snapshots,
            after ->
                after.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1)),
            clock);
    assertThat(schedule.next()).isEqualTo(Instant.parse("2026-12-04T08:00:00Z"));
    assertThat(schedule.tick()).isNull();
    clock.advance(Duration.ofMinutes(59));
    assertThat(schedule.tick()).isNull();
    clock.advance(Duration.ofMinutes(1));
    var fire = schedule.tick();
    assertThat(fire.saved()).containsExactly("c1/20261204T080000Z");
    assertThat(schedule.tick()).isNull();
    // five hours missed: one snapshot, not five
    clock.advance(Duration.ofHours(5));
    assertThat(schedule.tick().saved()).hasSize(1);
    assertThat(schedule.tick()).isNull();
    // retention 2 applies to scheduled snapshots too
    clock.advance(Duration.ofHours(1));
    schedule.tick();
    assertThat(snapshots.list(ADMIN, "c1")).hasSize(2);
    assertThat(audit.find(AuditQuery.latest(1000)).stream().map(r -> r.entry().user()))
        .contains("controller:etcd-snapshots");
  }

  // --- issue 18 ha ---
  @Test
  void aReplicaThatDoesNotLeadTheClusterMovesOnWithoutASnapshot() {
    configure();
    ScheduledEtcdSnapshots follower =
        new ScheduledEtcdSnapshots(
            snapshots,
            after ->
                after.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1)),
            clock);
    clock.advance(Duration.ofHours(1));

    assertThat(follower.tick(cluster -> false).saved()).isEmpty();
    assertThat(follower.tick(cluster -> true)).as("the due time was taken").isNull();
    assertThat(snapshots.list(ADMIN, "c1")).isEmpty();
  }
  // --- end issue 18 ha ---
}
