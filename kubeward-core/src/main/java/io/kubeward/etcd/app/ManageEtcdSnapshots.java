package io.kubeward.etcd.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.app.Uploads;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.etcd.domain.EtcdConnection;
import io.kubeward.etcd.domain.EtcdException;
import io.kubeward.etcd.domain.EtcdSnapshot;
import io.kubeward.etcd.domain.EtcdTls;
import io.kubeward.etcd.domain.Retention;
import io.kubeward.etcd.domain.SnapshotDigest;
import io.kubeward.etcd.domain.SnapshotVerification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: etcd snapshots of a cluster (administrators only, every action audited: {@code
 * etcd.snapshot.save}, {@code .verify}, {@code .download}, {@code .delete}, {@code .prune}). A
 * snapshot streams from etcd's maintenance API through a digest into the connection's storage
 * location as {@code etcd/<cluster>/<id>.db}, then its checksum ({@code .db.sha256}) and metadata
 * ({@code .json}) are written; the oldest snapshots beyond the connection's retention count are
 * deleted. Memory stays bounded whatever the size. One snapshot per cluster at a time.
 */
public final class ManageEtcdSnapshots {

  /** Snapshots listed per cluster at most. */
  public static final int MAX_LISTED = 1000;

  /** A snapshot and its content, for a download; the caller closes the stream. */
  public record Download(EtcdSnapshot snapshot, InputStream content) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManageEtcdConnections connections;
  private final EtcdSnapshotter snapshotter;
  private final ArchiveStores stores;
  private final AuditedAction audited;
  private final Clock clock;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  public ManageEtcdSnapshots(
      ManageEtcdConnections connections,
      EtcdSnapshotter snapshotter,
      ArchiveStores stores,
      AuditedAction audited,
      Clock clock) {
    this.connections = connections;
    this.snapshotter = snapshotter;
    this.stores = stores;
    this.audited = audited;
    this.clock = clock;
  }

  public EtcdSnapshot save(Caller caller, String cluster) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(cluster, null),
        "etcd.snapshot.save",
        () -> {
          EtcdSnapshot snapshot = take(cluster);
          return new AuditedAction.Outcome<>(
              snapshot,
              "+ etcd snapshot "
                  + snapshot.id()
                  + " ("
                  + snapshot.size()
                  + " bytes, sha256 "
                  + snapshot.sha256()
                  + ")\n"
                  + prune(cluster));
        });
  }

  public List<EtcdSnapshot> list(Caller caller, String cluster) {
    Authorizer.requireAdmin(caller);
    EtcdConnection connection = connections.require(cluster).connection();
    return list(cluster, store(cluster, connection));
  }

  public EtcdSnapshot get(Caller caller, String cluster, String id) {
    Authorizer.requireAdmin(caller);
    EtcdConnection connection = connections.require(cluster).connection();
    return find(cluster, store(cluster, connection), id);
  }

  public SnapshotVerification verify(Caller caller, String cluster, String id) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(cluster, id),
        "etcd.snapshot.verify",
        () -> {
          EtcdConnection connection = connections.require(cluster).connection();
          ArchiveStore store = store(cluster, connection);
          EtcdSnapshot snapshot = find(cluster, store, id);
          SnapshotDigest digest = SnapshotDigest.discarding();
          try (InputStream in =
              store
                  .open(EtcdSnapshot.dbKey(cluster, id))
                  .orElseThrow(() -> EtcdException.snapshotNotFound(cluster, id))) {
            in.transferTo(digest);
          } catch (IOException e) {
            throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
          }
          SnapshotVerification result =
              SnapshotVerification.of(id, snapshot.sha256(), snapshot.size(), digest);
          return new AuditedAction.Outcome<>(
              result, "~ etcd snapshot " + id + (result.ok() ? " verified" : " FAILED") + "\n");
        });
  }

  public Download download(Caller caller, String cluster, String id) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(cluster, id),
        "etcd.snapshot.download",
        () -> {
          EtcdConnection connection = connections.require(cluster).connection();
          ArchiveStore store = store(cluster, connection);
          EtcdSnapshot snapshot = find(cluster, store, id);
          try {
            InputStream in =
                store
                    .open(EtcdSnapshot.dbKey(cluster, id))
                    .orElseThrow(() -> EtcdException.snapshotNotFound(cluster, id));
            return AuditedAction.Outcome.of(new Download(snapshot, in));
          } catch (IOException e) {
            throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
          }
        });
  }

  public void delete(Caller caller, String cluster, String id) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(cluster, id),
        "etcd.snapshot.delete",
        () -> {
          EtcdConnection connection = connections.require(cluster).connection();
          ArchiveStore store = store(cluster, connection);
          find(cluster, store, id);
          remove(cluster, store, id);
          return new AuditedAction.Outcome<>(null, "- etcd snapshot " + id + "\n");
        });
  }

  /** The clusters that have an etcd connection (for the schedule). */
  public List<String> configuredClusters() {
    return connections.configuredClusters();
  }

  // ---- steps --------------------------------------------------------------------------------

  private EtcdSnapshot take(String cluster) {
    EtcdConnection connection = connections.require(cluster).connection();
    EtcdTls tls = ManageEtcdConnections.parsed(cluster, connection);
    ArchiveStore store = store(cluster, connection);
    if (!running.add(cluster)) {
      throw EtcdException.snapshotRunning(cluster);
    }
    try {
      Instant now = clock.instant();
      String id = EtcdSnapshot.idOf(now);
      String dbKey = EtcdSnapshot.dbKey(cluster, id);
      if (stat(cluster, store, dbKey).isPresent()) {
        throw EtcdException.snapshotExists(cluster, id);
      }
      SnapshotDigest digest;
      EtcdSnapshotter.Taken taken;
      ArchiveStore.Upload upload = create(cluster, store, dbKey);
      try {
        digest = new SnapshotDigest(upload.stream());
        taken = snapshotter.snapshot(cluster, connection, tls, digest);
        digest.flush();
        if (digest.etcdIntegrity() == SnapshotDigest.Integrity.MISMATCH) {
          throw EtcdException.unavailable(
              cluster,
              taken.endpoint(),
              "the snapshot etcd sent does not match its own trailing hash");
        }
        upload.close();
      } catch (IOException e) {
        upload.abort();
        throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
      } catch (RuntimeException e) {
        upload.abort();
        throw e;
      }
      EtcdSnapshot snapshot =
          new EtcdSnapshot(
              id,
              cluster,
              store.location(),
              digest.size(),
              digest.sha256(),
              taken.revision(),
              taken.etcdVersion(),
              taken.endpoint(),
              now);
      write(cluster, store, EtcdSnapshot.sha256Key(cluster, id), snapshot.sha256Line());
      write(cluster, store, EtcdSnapshot.metadataKey(cluster, id), toJson(snapshot));
      return snapshot;
    } finally {
      running.remove(cluster);
    }
  }

  /** Deletes the snapshots beyond the retention count; the diff lines of what went. */
  private String prune(String cluster) {
    EtcdConnection connection = connections.require(cluster).connection();
    ArchiveStore store = store(cluster, connection);
    List<String> ids = list(cluster, store).stream().map(EtcdSnapshot::id).toList();
    StringBuilder pruned = new StringBuilder();
    for (String id : Retention.toDelete(ids, connection.retain())) {
      remove(cluster, store, id);
      pruned.append("- etcd snapshot ").append(id).append(" (retention)\n");
    }
    return pruned.toString();
  }

  private List<EtcdSnapshot> list(String cluster, ArchiveStore store) {
    List<StoredFile> files;
    try {
      files = store.list(EtcdSnapshot.prefix(cluster), MAX_LISTED * 3);
    } catch (IOException e) {
      throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
    }
    Map<String, StoredFile> databases = new TreeMap<>(Comparator.reverseOrder());
    for (StoredFile file : files) {
      String name = file.key().substring(EtcdSnapshot.prefix(cluster).length());
      if (name.endsWith(".db") && EtcdSnapshot.isId(name.substring(0, name.length() - 3))) {
        databases.put(name.substring(0, name.length() - 3), file);
      }
    }
    List<EtcdSnapshot> snapshots = new ArrayList<>();
    for (var entry : databases.entrySet()) {
      snapshots.add(metadata(cluster, store, entry.getKey(), entry.getValue()));
    }
    return snapshots;
  }

  private EtcdSnapshot find(String cluster, ArchiveStore store, String id) {
    if (!EtcdSnapshot.isId(id)) {
      throw EtcdException.snapshotNotFound(cluster, id);
    }
    StoredFile db =
        stat(cluster, store, EtcdSnapshot.dbKey(cluster, id))
            .orElseThrow(() -> EtcdException.snapshotNotFound(cluster, id));
    return metadata(cluster, store, id, db);
  }

  /** The recorded metadata; a snapshot without it shows what its files say. */
  private EtcdSnapshot metadata(String cluster, ArchiveStore store, String id, StoredFile db) {
    String json = read(cluster, store, EtcdSnapshot.metadataKey(cluster, id));
    if (json != null) {
      try {
        return fromJson(json);
      } catch (IOException | RuntimeException unreadable) {
        // fall through: what the files say
      }
    }
    String line = read(cluster, store, EtcdSnapshot.sha256Key(cluster, id));
    String sha = line == null ? "" : line.strip().split("\\s+")[0];
    return new EtcdSnapshot(
        id, cluster, store.location(), db.size(), sha, null, null, null, db.lastModified());
  }

  private void remove(String cluster, ArchiveStore store, String id) {
    try {
      store.delete(EtcdSnapshot.metadataKey(cluster, id));
      store.delete(EtcdSnapshot.sha256Key(cluster, id));
      store.delete(EtcdSnapshot.dbKey(cluster, id));
    } catch (IOException e) {
      throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
    }
  }

  private ArchiveStore store(String cluster, EtcdConnection connection) {
    return stores.store(connection.location());
  }

  private static Optional<StoredFile> stat(String cluster, ArchiveStore store, String key) {
    try {
      return store.stat(key);
    } catch (IOException e) {
      throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
    }
  }

  private static ArchiveStore.Upload create(String cluster, ArchiveStore store, String key) {
    try {
      return store.create(key);
    } catch (IOException e) {
      throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
    }
  }

  private static void write(String cluster, ArchiveStore store, String key, String text) {
    try {
      Uploads.write(store, key, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
    }
  }

  private static @Nullable String read(String cluster, ArchiveStore store, String key) {
    try {
      Optional<InputStream> in = store.open(key);
      if (in.isEmpty()) {
        return null;
      }
      try (InputStream stream = in.get()) {
        return new String(stream.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw EtcdException.storageFailed(cluster, store.location(), e.getMessage());
    }
  }

  static String toJson(EtcdSnapshot s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("formatVersion", 1);
    map.put("id", s.id());
    map.put("cluster", s.cluster());
    map.put("location", s.location());
    map.put("size", s.size());
    map.put("sha256", s.sha256());
    map.put("revision", s.revision());
    map.put("etcdVersion", s.etcdVersion());
    map.put("endpoint", s.endpoint());
    map.put("createdAt", s.createdAt().toString());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EtcdSnapshot fromJson(String json) throws IOException {
    Map<?, ?> map = JSON.readValue(json, Map.class);
    Object revision = map.get("revision");
    return new EtcdSnapshot(
        (String) map.get("id"),
        (String) map.get("cluster"),
        (String) map.get("location"),
        ((Number) map.get("size")).longValue(),
        (String) map.get("sha256"),
        revision == null ? null : ((Number) revision).longValue(),
        (String) map.get("etcdVersion"),
        (String) map.get("endpoint"),
        Instant.parse((String) map.get("createdAt")));
  }

  private static AuditedAction.Target target(String cluster, @Nullable String id) {
    return new AuditedAction.Target(cluster, null, "EtcdSnapshot", id == null ? "" : id);
  }
}
