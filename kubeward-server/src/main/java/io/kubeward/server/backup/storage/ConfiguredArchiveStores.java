package io.kubeward.server.backup.storage;

import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.app.BackupLocationException;
import io.kubeward.backup.app.BackupLocationStore;
import io.kubeward.backup.domain.BackupLocation;
import io.kubeward.history.app.OutboundGuard;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The storage locations (ADR 0040): {@code local} (always, first) and the S3 locations of {@link
 * BackupLocationStore}. An S3 store is made once per location version and reused (its HTTP client
 * pools connections); every {@link #store} passes its endpoint through the {@link OutboundGuard}
 * again, because addresses change.
 */
public final class ConfiguredArchiveStores implements ArchiveStores, AutoCloseable {

  private final LocalDirectoryStore local;
  private final BackupLocationStore locations;
  private final OutboundGuard guard;
  private final Function<BackupLocationStore.Stored, ArchiveStore> s3;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Instant version, ArchiveStore store) {}

  public ConfiguredArchiveStores(
      LocalDirectoryStore local,
      BackupLocationStore locations,
      OutboundGuard guard,
      Function<BackupLocationStore.Stored, ArchiveStore> s3) {
    this.local = local;
    this.locations = locations;
    this.guard = guard;
    this.s3 = s3;
  }

  @Override
  public ArchiveStore store(String name) {
    if (BackupLocation.LOCAL.equals(name)) {
      return local;
    }
    BackupLocationStore.Stored stored =
        locations.find(name).orElseThrow(() -> BackupLocationException.notFound(name));
    String endpoint = stored.location().endpoint();
    if (endpoint != null) {
      guard
          .judge(URI.create(endpoint), stored.allowPrivateAddresses())
          .ifPresent(
              refusal -> {
                throw BackupLocationException.addressRefused(
                    name, refusal.host(), refusal.reason());
              });
    }
    Cached cached =
        cache.compute(
            name,
            (n, old) -> {
              if (old != null && old.version().equals(stored.updatedAt())) {
                return old;
              }
              if (old != null) {
                closeQuietly(old.store());
              }
              return new Cached(stored.updatedAt(), s3.apply(stored));
            });
    return cached.store();
  }

  @Override
  public List<BackupLocation> locations() {
    List<BackupLocation> all = new ArrayList<>();
    all.add(localLocation());
    locations.all().forEach(s -> all.add(s.location()));
    return all;
  }

  /** The built-in location: its prefix is the folder, for the administrator's eyes. */
  public BackupLocation localLocation() {
    return new BackupLocation(
        BackupLocation.LOCAL,
        BackupLocation.Type.LOCAL,
        null,
        null,
        null,
        local.root().toString(),
        false,
        false);
  }

  /** Forgets a deleted location's client. */
  public void forget(String name) {
    Cached old = cache.remove(name);
    if (old != null) {
      closeQuietly(old.store());
    }
  }

  @Override
  public void close() {
    cache.values().forEach(c -> closeQuietly(c.store()));
    cache.clear();
  }

  private static void closeQuietly(ArchiveStore store) {
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // a client being replaced
      }
    }
  }
}
