package io.kubeward.backup.domain.archive;

import io.kubeward.backup.domain.BackupScope;
import io.kubeward.backup.domain.ObjectFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The archive's table of contents ({@code manifest.json}, written last; docs/ARCHIVE-FORMAT.md).
 *
 * @param formatVersion {@link #FORMAT_VERSION} when written by this version
 * @param keyId the id of the key the sealed entries are sealed with, null when none is sealed
 * @param countsByKind objects per kind, keyed {@code Kind} (core group) or {@code Kind.group}
 * @param entries every object file, in the order written
 * @param failures the objects that could not be archived and why (at most {@link #MAX_FAILURES})
 * @param backupNamespace the Backup object's namespace, if the archive comes from one
 * @param backupName the Backup object's name
 * @param scope what the backup was asked to take
 * @param failuresTotal every failure, also those beyond {@link #MAX_FAILURES}
 */
public record Manifest(
    int formatVersion,
    String cluster,
    String kubernetesVersion,
    Instant createdAt,
    @Nullable String keyId,
    Map<String, Integer> countsByKind,
    List<ManifestEntry> entries,
    List<ObjectFailure> failures,
    @Nullable String backupNamespace,
    @Nullable String backupName,
    @Nullable BackupScope scope,
    int failuresTotal) {

  /** The format this version writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /** The entry the manifest is stored in; always the archive's last. */
  public static final String PATH = "manifest.json";

  /** Failures listed at most; {@link #failuresTotal} counts all. */
  public static final int MAX_FAILURES = 1000;

  public Manifest {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    countsByKind = countsByKind == null ? Map.of() : unmodifiableSorted(countsByKind);
    entries = entries == null ? List.of() : List.copyOf(entries);
    failures = failures == null ? List.of() : List.copyOf(failures);
    failuresTotal = Math.max(failuresTotal, failures.size());
  }

  /** The manifest as the contract of issue 16 names it (no Backup object, no scope). */
  public Manifest(
      int formatVersion,
      String cluster,
      String kubernetesVersion,
      Instant createdAt,
      @Nullable String keyId,
      Map<String, Integer> countsByKind,
      List<ManifestEntry> entries,
      List<ObjectFailure> failures) {
    this(
        formatVersion,
        cluster,
        kubernetesVersion,
        createdAt,
        keyId,
        countsByKind,
        entries,
        failures,
        null,
        null,
        null,
        failures == null ? 0 : failures.size());
  }

  /** Objects archived. */
  public int objectCount() {
    return entries.size();
  }

  private static Map<String, Integer> unmodifiableSorted(Map<String, Integer> counts) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
  }
}
