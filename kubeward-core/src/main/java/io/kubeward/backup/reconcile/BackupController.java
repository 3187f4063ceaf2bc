package io.kubeward.backup.reconcile;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.backup.app.ArchiveStore;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.app.Uploads;
import io.kubeward.backup.domain.ArchiveInfo;
import io.kubeward.backup.domain.ArchiveRef;
import io.kubeward.backup.domain.BackupObject;
import io.kubeward.backup.domain.BackupPhase;
import io.kubeward.backup.domain.BackupProgress;
import io.kubeward.backup.domain.BackupReason;
import io.kubeward.backup.domain.BackupSpec;
import io.kubeward.backup.domain.BackupStatus;
import io.kubeward.backup.domain.BackupValidation;
import io.kubeward.backup.domain.ObjectFailure;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ResourceSelection.ApiResource;
import io.kubeward.backup.domain.archive.ArchiveHeader;
import io.kubeward.backup.domain.archive.ArchiveWriter;
import io.kubeward.backup.domain.archive.Manifest;
import io.kubeward.backup.domain.archive.ManifestCodec;
import io.kubeward.backup.domain.archive.SecretSealer;
import io.kubeward.backup.kube.BackupIdentity;
import io.kubeward.backup.kube.BackupResources;
import io.kubeward.backup.kube.ResourceCollector;
import io.kubeward.backup.kube.StatusWriter;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.common.KubewardException;
import io.kubeward.runtime.app.EventTarget;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.domain.Conditions;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.kube.ControllerSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Backup controller (ADR 0041) on the controller runtime, leader only. A Backup runs once:
 * verify who it acts for (the {@code kubeward.io/acting-as} stamp; without a valid one: {@code
 * Ready=False, NotAttributed}, nothing done) → validate → write {@code InProgress} (the status is
 * the write-ahead log) → collect with the client impersonating that identity, streaming into the
 * archive's upload → write checksum and manifest copy → {@code Completed} or {@code
 * PartiallyFailed}. A restart that finds {@code InProgress} starts over: the upload of the
 * interrupted attempt never completed, the new one replaces the key, so there is one archive. The
 * finalizer {@value #FINALIZER} deletes the archive's files; the TTL deletes the Backup.
 */
public final class BackupController implements Reconciler<BackupObject> {

  private static final Logger log = LoggerFactory.getLogger(BackupController.class);

  public static final String NAME = "backups";
  public static final String FINALIZER = "kubeward.io/backup-archive";

  private final String cluster;
  private final KubernetesClient system;
  private final ClusterClients clients;
  private final BackupIdentity identity;
  private final ArchiveStores stores;
  private final Supplier<@Nullable SecretSealer> sealer;
  private final BackupSettings settings;
  private final StatusWriter statuses;

  BackupController(
      String cluster,
      KubernetesClient system,
      ClusterClients clients,
      BackupIdentity identity,
      ArchiveStores stores,
      Supplier<@Nullable SecretSealer> sealer,
      BackupSettings settings) {
    this.cluster = cluster;
    this.system = system;
    this.clients = clients;
    this.identity = identity;
    this.stores = stores;
    this.sealer = sealer;
    this.settings = settings;
    this.statuses = new StatusWriter(system, BackupResources.CONTEXT);
  }

  /** The controller as the runtime runs it. */
  public static ControllerSpec<BackupObject> spec(
      ClusterClients clients,
      BackupIdentity identity,
      Supplier<ArchiveStores> stores,
      Supplier<@Nullable SecretSealer> sealer,
      BackupSettings settings) {
    return new ControllerSpec<>(
        NAME,
        BackupResources.CONTEXT,
        BackupResources::toBackup,
        FINALIZER,
        BackupResources.CRD,
        binding ->
            new BackupController(
                binding.cluster(),
                binding.systemClient(),
                clients,
                identity,
                stores.get(),
                sealer,
                settings));
  }

  @Override
  public Result reconcile(BackupObject backup, ReconcileContext context) {
    Instant now = context.clock().instant();
    BackupStatus status = backup.status();
    if (status.phaseOrNew().finished()) {
      return expire(backup, context, now);
    }
    Optional<KubeIdentity> who =
        identity.verify(
            BackupResources.KIND,
            backup.namespace(),
            backup.name(),
            backup.rawSpec(),
            backup.annotations());
    if (who.isEmpty()) {
      return refuse(backup, context, now, BackupReason.NotAttributed, NOT_ATTRIBUTED);
    }
    List<String> problems = BackupValidation.validate(backup.spec());
    if (!problems.isEmpty()) {
      return fail(backup, context, now, BackupReason.Invalid, String.join("; ", problems));
    }
    run(backup, who.get(), context);
    return Result.now(); // the next pass sets the TTL's requeue
  }

  static final String NOT_ATTRIBUTED =
      "this Backup was not created through Kubeward (console, API or CLI), or its spec changed"
          + " since: Kubeward backs up only on behalf of a person, with that person's rights (the"
          + " annotation kubeward.io/acting-as is missing or does not match); create it through"
          + " Kubeward";

  // ------------------------------------------------------------------ steps

  /** Step: a finished Backup waits for its TTL, then is deleted (the finalizer drops the files). */
  private Result expire(BackupObject backup, ReconcileContext context, Instant now) {
    Instant expires = backup.status().expiresAt();
    if (expires == null) {
      return Result.done();
    }
    if (now.isBefore(expires)) {
      Duration left = Duration.between(now, expires);
      return Result.requeueAfter(
          left.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : left);
    }
    event(context, backup, BackupReason.Expired, false, "the TTL passed: the Backup is deleted");
    try {
      system
          .genericKubernetesResources(BackupResources.CONTEXT)
          .inNamespace(backup.namespace())
          .withName(backup.name())
          .delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    return Result.done();
  }

  /** Step: refused (not attributed): written once, no retries. */
  private Result refuse(
      BackupObject backup,
      ReconcileContext context,
      Instant now,
      BackupReason reason,
      String message) {
    BackupStatus next =
        withReady(backup, backup.status(), false, reason, message, now)
            .withPhase(BackupPhase.New)
            .withMessage(message)
            .withObservedGeneration(backup.generation());
    if (!next.equals(backup.status())) {
      statuses.write(backup.namespace(), backup.name(), next);
      event(context, backup, reason, true, message);
    }
    return Result.done();
  }

  private Result fail(
      BackupObject backup,
      ReconcileContext context,
      Instant now,
      BackupReason reason,
      String message) {
    BackupStatus next =
        withReady(backup, backup.status(), false, reason, message, now)
            .withPhase(BackupPhase.Failed)
            .withMessage(message)
            .withObservedGeneration(backup.generation());
    statuses.write(backup.namespace(), backup.name(), next);
    event(context, backup, reason, true, message);
    return Result.done();
  }

  /** Step: collect into the archive, acting for {@code who}. */
  private void run(BackupObject backup, KubeIdentity who, ReconcileContext context) {
    Clock clock = context.clock();
    Instant now = clock.instant();
    BackupSpec spec = backup.spec();
    boolean again = backup.status().phaseOrNew() == BackupPhase.InProgress;
    String startMessage =
        (again ? "started again (attempt " + (backup.status().attempt() + 1) + ")" : "started")
            + " for "
            + who.user();
    BackupStatus started =
        withReady(
                backup,
                backup.status().started(now),
                false,
                BackupReason.Started,
                startMessage,
                now)
            .withObservedGeneration(backup.generation());
    statuses.write(backup.namespace(), backup.name(), started);
    event(context, backup, BackupReason.Started, false, startMessage);

    ArchiveRef ref =
        new ArchiveRef(spec.locationOrDefault(), cluster, backup.namespace(), backup.name());
    ArchiveStore store;
    try {
      store = stores.store(ref.location());
    } catch (KubewardException e) {
      fail(
          backup,
          context,
          now,
          BackupReason.LocationUnavailable,
          "storage location \"" + ref.location() + "\" does not exist");
      return;
    }
    Progress progress = new Progress(backup, started, clock);
    try {
      KubernetesClient acting = clients.actingFor(who, cluster);
      // the upload appears whole when collection finished, replacing one of an interrupted
      // attempt; any failure aborts it (Uploads.write), so there is never a partial archive
      Written written =
          Uploads.write(
              store,
              ref.key(ArchiveRef.ARCHIVE),
              out -> {
                ArchiveWriter writer = new ArchiveWriter(out, sealer.get());
                progress.writer = writer;
                new ResourceCollector(acting).collect(spec.scope(), progress);
                Manifest m =
                    writer.finish(
                        new ArchiveHeader(
                            cluster,
                            kubernetesVersion(),
                            backup.namespace(),
                            backup.name(),
                            now,
                            spec.scope()));
                return new Written(m, writer.sha256(), writer.bytesWritten());
              });
      Manifest manifest = written.manifest();
      String sha = written.sha256();
      long size = written.size();
      Uploads.write(
          store,
          ref.key(ArchiveRef.CHECKSUM),
          (sha + "  " + ArchiveRef.ARCHIVE + "\n").getBytes(StandardCharsets.UTF_8));
      Uploads.write(
          store,
          ref.key(ArchiveRef.MANIFEST),
          out -> {
            ManifestCodec.write(manifest, out);
            return null;
          });
      Instant done = clock.instant();
      Duration ttl = BackupValidation.ttl(spec);
      BackupPhase phase =
          progress.failureCount == 0 ? BackupPhase.Completed : BackupPhase.PartiallyFailed;
      BackupReason reason =
          phase == BackupPhase.Completed ? BackupReason.Completed : BackupReason.PartiallyFailed;
      String message =
          manifest.objectCount()
              + " objects archived"
              + (progress.failureCount == 0
                  ? ""
                  : ", " + progress.failureCount + " could not be read (see failures)")
              + (progress.skipped.isEmpty()
                  ? ""
                  : "; "
                      + progress.skipped.size()
                      + " kinds not named in the scope are not readable for "
                      + who.user()
                      + " and were left out (see skipped)");
      BackupStatus finished =
          withReady(backup, started, phase == BackupPhase.Completed, reason, message, done)
              .finished(
                  phase,
                  new BackupProgress(progress.done, Math.max(progress.done, progress.total)),
                  manifest.countsByKind(),
                  progress.failures,
                  progress.failureCount,
                  progress.skipped,
                  new ArchiveInfo(ref.location(), ref.key(ArchiveRef.ARCHIVE), sha, size),
                  done,
                  ttl == null ? null : done.plus(ttl),
                  message);
      statuses.write(backup.namespace(), backup.name(), finished);
      event(context, backup, reason, phase != BackupPhase.Completed, message);
    } catch (IOException | RuntimeException e) {
      progress.closeQuietly();
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted", e); // a restart redoes it
      }
      log.warn("backup {}/{} failed", backup.namespace(), backup.name(), e);
      String message = "the backup failed: " + describe(e);
      BackupStatus failed =
          withReady(backup, started, false, BackupReason.Failed, message, clock.instant())
              .finished(
                  BackupPhase.Failed,
                  new BackupProgress(progress.done, progress.total),
                  java.util.Map.of(),
                  progress.failures,
                  progress.failureCount,
                  progress.skipped,
                  null,
                  clock.instant(),
                  null,
                  message);
      statuses.write(backup.namespace(), backup.name(), failed);
      event(context, backup, BackupReason.Failed, true, message);
    }
  }

  private record Written(Manifest manifest, String sha256, long size) {}

  private String kubernetesVersion() {
    try {
      var v = system.getKubernetesVersion();
      return v == null || v.getGitVersion() == null ? "unknown" : v.getGitVersion();
    } catch (KubernetesClientException e) {
      return "unknown";
    }
  }

  private static String describe(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }

  /** The sink: into the archive, counting, progress written at most every progressInterval. */
  private final class Progress implements ResourceCollector.Sink {
    final BackupObject backup;
    final Clock clock;
    BackupStatus status;
    ArchiveWriter writer;
    long done;
    long total;
    long failureCount;
    final List<ObjectFailure> failures = new ArrayList<>();
    final List<ObjectFailure> skipped = new ArrayList<>();
    Instant lastWrite;

    Progress(BackupObject backup, BackupStatus status, Clock clock) {
      this.backup = backup;
      this.status = status;
      this.clock = clock;
      this.lastWrite = clock.instant();
    }

    @Override
    public void found(long objects) {
      total += objects;
      maybeWrite();
    }

    @Override
    public void add(ApiResource resource, ObjectRef ref, java.util.Map<String, Object> object)
        throws IOException {
      try {
        writer.add(ref, object);
        done++;
      } catch (KubewardException | IllegalArgumentException e) {
        fail(new ObjectFailure(ref, describe(e)));
        done++;
      }
      maybeWrite();
    }

    @Override
    public void fail(ObjectFailure failure) {
      writer.fail(failure);
      failureCount++;
      if (failures.size() < BackupStatus.MAX_FAILURES) {
        failures.add(failure);
      }
    }

    void closeQuietly() {
      if (writer != null) {
        try {
          writer.close();
        } catch (IOException | RuntimeException ignored) {
          // the upload was aborted: nothing of it remains
        }
      }
    }

    @Override
    public void skip(ObjectFailure kind) {
      if (skipped.size() < BackupStatus.MAX_FAILURES) {
        skipped.add(kind);
      }
    }

    private void maybeWrite() {
      Instant now = clock.instant();
      if (Duration.between(lastWrite, now).compareTo(settings.progressInterval()) < 0) {
        return;
      }
      lastWrite = now;
      status = status.withProgress(new BackupProgress(done, Math.max(done, total)));
      try {
        statuses.write(backup.namespace(), backup.name(), status);
      } catch (KubernetesClientException e) {
        log.debug(
            "progress of {}/{} not written: {}", backup.namespace(), backup.name(), e.getMessage());
      }
    }
  }

  private static BackupStatus withReady(
      BackupObject backup,
      BackupStatus status,
      boolean ready,
      BackupReason reason,
      String message,
      Instant now) {
    return status.withConditions(
        Conditions.set(
            status.conditions(),
            BackupReason.READY,
            ready,
            reason,
            message,
            now,
            backup.generation()));
  }

  private static void event(
      ReconcileContext context,
      BackupObject backup,
      BackupReason reason,
      boolean warning,
      String message) {
    context
        .events()
        .record(
            new EventTarget(
                BackupResources.API_VERSION,
                BackupResources.KIND,
                backup.namespace(),
                backup.name()),
            reason,
            warning,
            message);
  }

  // ------------------------------------------------------------------ deletion

  @Override
  public Result cleanup(BackupObject backup, ReconcileContext context) {
    ArchiveInfo archive = backup.status().archive();
    if (archive == null) {
      return Result.done();
    }
    ArchiveRef ref = new ArchiveRef(archive.location(), cluster, backup.namespace(), backup.name());
    ArchiveStore store;
    try {
      store = stores.store(ref.location());
    } catch (KubewardException e) {
      event(
          context,
          backup,
          BackupReason.ArchiveDeleteFailed,
          true,
          "storage location \"" + ref.location() + "\" no longer exists: nothing to delete");
      return Result.done();
    }
    try {
      store.delete(ref.key(ArchiveRef.ARCHIVE));
      store.delete(ref.key(ArchiveRef.CHECKSUM));
      store.delete(ref.key(ArchiveRef.MANIFEST));
    } catch (IOException e) {
      event(context, backup, BackupReason.ArchiveDeleteFailed, true, describe(e));
      throw new UncheckedIOException(e); // retried with backoff
    }
    event(
        context,
        backup,
        BackupReason.ArchiveDeleted,
        false,
        "archive " + ref.key(ArchiveRef.ARCHIVE) + " deleted from " + ref.location());
    return Result.done();
  }
}
