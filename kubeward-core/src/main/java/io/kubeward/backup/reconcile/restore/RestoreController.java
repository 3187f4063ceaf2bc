package io.kubeward.backup.reconcile.restore;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.kube.SpecDigest;
import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.backup.app.restore.ArchiveLocation;
import io.kubeward.backup.app.restore.ArchiveRefusedException;
import io.kubeward.backup.app.restore.RestoreArchive;
import io.kubeward.backup.app.restore.RestoreArchives;
import io.kubeward.backup.app.restore.RestoreResults;
import io.kubeward.backup.app.restore.RestoreSourceNotFoundException;
import io.kubeward.backup.app.restore.RunRestore;
import io.kubeward.backup.domain.restore.RestoreCounts;
import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.domain.restore.RestorePhase;
import io.kubeward.backup.domain.restore.RestoreProblem;
import io.kubeward.backup.domain.restore.RestoreReason;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreStage;
import io.kubeward.backup.domain.restore.RestoreStatus;
import io.kubeward.backup.domain.restore.RestoreValidation;
import io.kubeward.backup.kube.restore.BackupArchiveLocator;
import io.kubeward.backup.kube.restore.KubeRestoreCluster;
import io.kubeward.backup.kube.restore.RestoreResources;
import io.kubeward.common.KubewardException;
import io.kubeward.runtime.app.EventTarget;
import io.kubeward.runtime.app.ReconcileContext;
import io.kubeward.runtime.app.Reconciler;
import io.kubeward.runtime.domain.Conditions;
import io.kubeward.runtime.domain.Result;
import io.kubeward.runtime.kube.ControllerSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Restore controller on the controller runtime (ADR 0042), leader only. A pass: finished →
 * nothing; attributed (a valid {@code kubeward.io/acting-as} stamp, ADR 0040) → else {@code
 * NotAttributed} and nothing done; valid → else {@code Invalid}; then the archive is located (the
 * Backup read as the stamped identity), verified by its checksums ({@code ArchiveCorrupted} and
 * nothing restored when it fails), and restored as that identity ({@link RunRestore}), progress
 * written to status as it goes. A Kubeward restart resumes the restore: the results recorded per
 * object tell what is done. Each Restore's end is audited, as the identity it acted for.
 */
public final class RestoreController implements Reconciler<RestoreObject> {

  private static final Logger log = LoggerFactory.getLogger(RestoreController.class);

  public static final String NAME = "restores";
  public static final String FINALIZER = "kubeward.io/restore-results";

  private final String cluster;
  private final KubernetesClient system;
  private final IdentityStamp stamp;
  private final BiFunction<KubeIdentity, String, KubernetesClient> actingFor;
  private final RestoreArchives archives;
  private final RestoreResults results;
  private final AuditLog audit;
  private final RestoreSettings settings;

  RestoreController(
      String cluster,
      KubernetesClient system,
      IdentityStamp stamp,
      BiFunction<KubeIdentity, String, KubernetesClient> actingFor,
      RestoreArchives archives,
      RestoreResults results,
      AuditLog audit,
      RestoreSettings settings) {
    this.cluster = cluster;
    this.system = system;
    this.stamp = stamp;
    this.actingFor = actingFor;
    this.archives = archives;
    this.results = results;
    this.audit = audit;
    this.settings = settings;
  }

  /**
   * The controller as the runtime runs it.
   *
   * @param actingFor a client of a cluster impersonating a stamped identity ({@code
   *     ClusterClients::actingFor})
   */
  public static ControllerSpec<RestoreObject> spec(
      IdentityStamp stamp,
      BiFunction<KubeIdentity, String, KubernetesClient> actingFor,
      RestoreArchives archives,
      RestoreResults results,
      AuditLog audit,
      RestoreSettings settings) {
    return new ControllerSpec<>(
        NAME,
        RestoreResources.CONTEXT,
        RestoreResources::toRestore,
        FINALIZER,
        RestoreResources.CRD,
        binding ->
            new RestoreController(
                binding.cluster(),
                binding.systemClient(),
                stamp,
                actingFor,
                archives,
                results,
                audit,
                settings));
  }

  /** One pass: the object, the time, and status writes. */
  private final class Pass {
    final RestoreObject restore;
    final ReconcileContext context;
    RestoreStatus status;

    Pass(RestoreObject restore, ReconcileContext context) {
      this.restore = restore;
      this.context = context;
      this.status = restore.status();
    }

    Instant now() {
      return context.clock().instant();
    }

    RestoreStatus.Builder condition(
        RestoreStatus.Builder b, String type, boolean holds, RestoreReason reason, String message) {
      return b.conditions(
          Conditions.set(
              b.conditions(), type, holds, reason, message, now(), restore.generation()));
    }

    /** Merge-patches the status when it changed. */
    void write(RestoreStatus next) {
      RestoreStatus withGeneration =
          next.toBuilder().observedGeneration(restore.generation()).build();
      if (withGeneration.equals(status)) {
        return;
      }
      system
          .genericKubernetesResources(RestoreResources.CONTEXT)
          .inNamespace(restore.namespace())
          .resource(RestoreResources.withStatus(restore, withGeneration))
          .patchStatus();
      status = withGeneration;
    }

    void event(RestoreReason reason, boolean warning, String message) {
      context
          .events()
          .record(
              new EventTarget(
                  RestoreResources.API_VERSION,
                  RestoreResources.KIND,
                  restore.namespace(),
                  restore.name()),
              reason,
              warning,
              message);
    }

    /** The restore is over: phase, reason, message; an Event; audited. */
    Result end(RestorePhase phase, RestoreReason reason, String message, KubeIdentity who) {
      RestoreStatus.Builder b = status.toBuilder().phase(phase).message(message).completedAt(now());
      condition(b, RestoreReason.READY, phase == RestorePhase.Completed, reason, message);
      condition(b, RestoreReason.SUCCEEDED, phase == RestorePhase.Completed, reason, message);
      write(b.build());
      event(reason, phase != RestorePhase.Completed, message);
      audit(who, phase, message);
      return Result.done();
    }

    void audit(KubeIdentity who, RestorePhase phase, String message) {
      try {
        audit.append(
            new AuditEntry(
                now(),
                who == null ? "controller:" + NAME : who.user(),
                Origin.CONTROLLER,
                null,
                cluster,
                restore.namespace(),
                RestoreResources.KIND,
                restore.name(),
                "restore.run",
                null,
                phase == RestorePhase.Failed
                    ? AuditEntry.Result.FAILURE
                    : AuditEntry.Result.SUCCESS,
                phase == RestorePhase.Failed ? message : null));
      } catch (RuntimeException e) {
        log.warn("auditing restore {}/{} failed", restore.namespace(), restore.name(), e);
      }
    }
  }

  @Override
  public Result reconcile(RestoreObject restore, ReconcileContext context) {
    Pass pass = new Pass(restore, context);
    if (restore.status().phaseOrPending().finished()
        && restore.status().observedGeneration() != null
        && restore.status().observedGeneration() == restore.generation()) {
      return Result.done();
    }
    Optional<KubeIdentity> who = attributed(restore);
    if (who.isEmpty()) {
      return refuse(
          pass,
          RestoreReason.NotAttributed,
          "the Restore has no valid kubeward.io/acting-as stamp: create it through Kubeward (API,"
              + " CLI or console), which records who it acts for");
    }
    List<RestoreProblem> problems = RestoreValidation.validate(restore.name(), restore.spec());
    if (problems.isEmpty()
        && restore.spec().source().namesArchiveKey()
        && !who.get().groups().contains(KubeIdentity.ADMINS_GROUP)) {
      problems =
          List.of(
              new RestoreProblem("spec.source.archiveKey", "is for Kubeward administrators only"));
    }
    if (!problems.isEmpty()) {
      return refuse(
          pass,
          RestoreReason.Invalid,
          problems.stream()
              .map(p -> p.field() + " " + p.message())
              .collect(Collectors.joining("; ")));
    }
    return run(pass, restore.spec(), who.get());
  }

  /** The identity of a valid stamp over this object's kind, name and spec as stored. */
  Optional<KubeIdentity> attributed(RestoreObject restore) {
    if (restore.rawSpec() == null) {
      return Optional.empty();
    }
    return stamp.verify(
        RestoreResources.KIND,
        restore.namespace(),
        restore.name(),
        SpecDigest.of(restore.rawSpec()),
        restore.annotations().get(IdentityStamp.ANNOTATION));
  }

  /** Nothing is done: Ready=False with a stable reason, written once, no retries. */
  private Result refuse(Pass pass, RestoreReason reason, String message) {
    RestoreStatus.Builder b = pass.status.toBuilder().phase(RestorePhase.Failed).message(message);
    pass.condition(b, RestoreReason.READY, false, reason, message);
    boolean first =
        Conditions.find(pass.status.conditions(), RestoreReason.READY)
            .map(c -> !reason.name().equals(c.reason()))
            .orElse(true);
    pass.write(b.build());
    if (first) {
      pass.event(reason, true, message);
    }
    return Result.done();
  }

  private Result run(Pass pass, RestoreSpec spec, KubeIdentity who) {
    RestoreStatus.Builder start =
        pass.status.toBuilder()
            .phase(RestorePhase.Verifying)
            .actingAs(who.user())
            .message(null)
            .startedAt(pass.status.startedAt() == null ? pass.now() : pass.status.startedAt());
    pass.condition(
        start, RestoreReason.READY, true, RestoreReason.Verifying, "verifying the archive");
    pass.write(start.build());

    KubernetesClient asIdentity = actingFor.apply(who, cluster);
    String sourceCluster = spec.source().clusterOr(cluster);
    ArchiveLocation located;
    RestoreArchive archive;
    try {
      KubernetesClient backupClient =
          sourceCluster.equals(cluster) ? asIdentity : actingFor.apply(who, sourceCluster);
      located = BackupArchiveLocator.locate(backupClient, sourceCluster, spec.source());
      archive = archives.open(located.location(), located.key(), located.sha256());
    } catch (RestoreSourceNotFoundException e) {
      return pass.end(RestorePhase.Failed, RestoreReason.SourceNotFound, e.getMessage(), who);
    } catch (ArchiveRefusedException e) {
      return pass.end(RestorePhase.Failed, RestoreReason.ArchiveCorrupted, e.getMessage(), who);
    } catch (KubewardException e) {
      return pass.end(RestorePhase.Failed, RestoreReason.Failed, e.getMessage(), who);
    }
    try (archive) {
      RestoreStatus.Builder restoring =
          pass.status.toBuilder().phase(RestorePhase.Restoring).archiveSha256(archive.sha256());
      pass.condition(restoring, RestoreReason.READY, true, RestoreReason.Restoring, "restoring");
      pass.write(restoring.build());
      RunRestore run =
          new RunRestore(
              pass.restore.uid(),
              spec,
              new KubeRestoreCluster(asIdentity, pass.context.clock()),
              results,
              settings.parallelism(),
              settings.crdDeadline(),
              pass.context.clock());
      RestoreCounts counts = run.run(archive, new ProgressWriter(pass));
      RestoreStatus.Builder done =
          pass.status.toBuilder()
              .counts(counts)
              .stage(null)
              .progress(new RestoreStatus.Progress(counts.total(), counts.total()));
      pass.status = done.build();
      String summary =
          counts.created()
              + " created, "
              + counts.updated()
              + " updated, "
              + counts.skipped()
              + " skipped, "
              + counts.failed()
              + " failed";
      return counts.failed() == 0
          ? pass.end(RestorePhase.Completed, RestoreReason.Completed, summary, who)
          : pass.end(RestorePhase.PartiallyFailed, RestoreReason.PartiallyFailed, summary, who);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.done(); // stopping: the next leader resumes from the recorded results
    }
  }

  /** Writes stage and progress to status, at most once per progress interval. */
  private final class ProgressWriter implements RunRestore.Listener {
    private final Pass pass;
    private Instant last = Instant.MIN;

    ProgressWriter(Pass pass) {
      this.pass = pass;
    }

    @Override
    public synchronized void stage(RestoreStage stage) {
      try {
        pass.write(pass.status.toBuilder().stage(stage.name()).build());
      } catch (KubernetesClientException e) {
        log.debug("status write failed", e);
      }
    }

    @Override
    public synchronized void progress(long done, long total, RestoreCounts counts) {
      Instant now = pass.now();
      if (done < total && now.isBefore(last.plus(settings.progressInterval()))) {
        return;
      }
      last = now;
      try {
        pass.write(
            pass.status.toBuilder()
                .progress(new RestoreStatus.Progress(done, total))
                .counts(counts)
                .build());
      } catch (KubernetesClientException e) {
        log.debug("progress write failed", e); // the next one carries it
      }
    }
  }

  @Override
  public Result cleanup(RestoreObject restore, ReconcileContext context) {
    if (restore.uid() != null) {
      results.delete(restore.uid());
    }
    return Result.done();
  }
}
