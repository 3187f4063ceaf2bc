package io.kubeward.backup.app.restore;

import io.kubeward.backup.app.restore.RestoreCluster.Write;
import io.kubeward.backup.app.restore.RestoreSelection.Selected;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ObjectResult;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.ExistingPolicy;
import io.kubeward.backup.domain.restore.RestoreCounts;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreStage;
import io.kubeward.backup.domain.restore.RestoreTransform;
import io.kubeward.resource.domain.KindInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a verified archive (ADR 0042), stage by stage in {@link RestoreStage} order — CRDs
 * first, waited for until Established — the objects of one stage in parallel (bounded). Every
 * object's result is recorded ({@link RestoreResults}); a restore that was interrupted resumes:
 * recorded objects are not touched again, and an object it began to create and finds existing is
 * its own. An existing object is skipped (default) or overwritten by server-side apply; a create
 * answered by 403 or 422 is checked for an existing object before it is called a failure (a Service
 * whose node port is taken answers 422, a create the identity may not do 403, even when the object
 * exists).
 */
public final class RunRestore {

  private static final Logger log = LoggerFactory.getLogger(RunRestore.class);

  /** Told about the restore as it goes (status, progress stream). */
  public interface Listener {
    void stage(RestoreStage stage);

    void progress(long done, long total, RestoreCounts counts);
  }

  private final String restore;
  private final RestoreSpec spec;
  private final RestoreCluster cluster;
  private final RestoreResults results;
  private final int parallelism;
  private final Duration crdDeadline;
  private final Clock clock;
  private final RestorePlan plan;

  /**
   * @param restore the Restore's uid (the key of its results)
   */
  public RunRestore(
      String restore,
      RestoreSpec spec,
      RestoreCluster cluster,
      RestoreResults results,
      int parallelism,
      Duration crdDeadline,
      Clock clock) {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must lie between 1 and 64: " + parallelism);
    }
    this.restore = restore;
    this.spec = spec;
    this.cluster = cluster;
    this.results = results;
    this.parallelism = parallelism;
    this.crdDeadline = crdDeadline;
    this.clock = clock;
    this.plan = new RestorePlan(spec, cluster);
  }

  /** Restores everything selected; the counts of all recorded results. */
  public RestoreCounts run(RestoreArchive archive, Listener listener) throws InterruptedException {
    RestoreSelection selection = plan.select(archive);
    Map<ObjectRef, RestoreOutcome> recorded = results.recorded(restore);
    Set<ObjectRef> begun = results.begun(restore);
    long total = selection.items().size();
    AtomicLong done = new AtomicLong();
    AtomicReference<RestoreCounts> counts = new AtomicReference<>(RestoreCounts.NONE);
    try (ExecutorService pool =
        Executors.newFixedThreadPool(parallelism, Thread.ofVirtual().factory())) {
      for (List<Selected> group : selection.groups()) {
        RestoreStage stage = group.getFirst().stage();
        listener.stage(stage);
        List<Future<?>> futures = new ArrayList<>(group.size());
        List<ObjectRef> crds = new ArrayList<>();
        for (Selected s : group) {
          RestoreOutcome previous = recorded.get(s.source());
          if (previous != null) {
            counts.updateAndGet(c -> c.plus(previous));
            if (stage == RestoreStage.CRDS && previous != RestoreOutcome.FAILED) {
              crds.add(s.target());
            }
            listener.progress(done.incrementAndGet(), total, counts.get());
            continue;
          }
          futures.add(
              pool.submit(
                  () -> {
                    ObjectResult result =
                        restoreOne(selection, s, archive, begun.contains(s.source()));
                    results.record(restore, result);
                    if (stage == RestoreStage.CRDS && result.outcome() != RestoreOutcome.FAILED) {
                      synchronized (crds) {
                        crds.add(s.target());
                      }
                    }
                    RestoreCounts now = counts.updateAndGet(c -> c.plus(result.outcome()));
                    listener.progress(done.incrementAndGet(), total, now);
                  }));
        }
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (ExecutionException e) {
            throw new IllegalStateException("restoring an object failed", e.getCause());
          }
        }
        if (!crds.isEmpty()) {
          awaitEstablished(crds);
        }
      }
    }
    return counts.get();
  }

  /** Restores one object; never throws for what the cluster answers. */
  ObjectResult restoreOne(
      RestoreSelection selection, Selected s, RestoreArchive archive, boolean begunBefore) {
    try {
      Optional<PreviewItem> blocked = plan.blocked(selection, s);
      if (blocked.isPresent()) {
        return result(s, blocked.get().verdict().outcome(), blocked.get().reason());
      }
      Optional<KindInfo> kind = cluster.resolve(s.source().apiVersion(), s.source().kind());
      if (kind.isEmpty()) {
        return result(
            s,
            RestoreOutcome.FAILED,
            "the cluster does not serve "
                + s.source().kind()
                + " ("
                + s.source().apiVersion()
                + ")");
      }
      Map<String, Object> object =
          RestoreTransform.apply(s.source(), archive.read(s.source()), spec, selection.volumes())
              .object();
      results.begin(restore, s.source(), s.target());
      Write created = cluster.create(kind.get(), object);
      if (created.ok()) {
        return result(s, RestoreOutcome.CREATED, null);
      }
      boolean exists =
          created.alreadyExists()
              || created.mayHideExisting() && cluster.get(kind.get(), s.target()).exists();
      if (!exists) {
        return result(s, RestoreOutcome.FAILED, created.message());
      }
      if (begunBefore) {
        // begun by this restore before it was interrupted: the object is its own
        return result(s, RestoreOutcome.CREATED, "created before the restore was interrupted");
      }
      if (spec.existingPolicy() == ExistingPolicy.Skip) {
        return result(s, RestoreOutcome.SKIPPED, "exists");
      }
      Write applied = cluster.apply(kind.get(), object, false);
      return applied.ok()
          ? result(s, RestoreOutcome.UPDATED, null)
          : result(
              s, RestoreOutcome.FAILED, "exists, the overwrite was refused: " + applied.message());
    } catch (RuntimeException e) {
      log.debug("restoring {} failed", s.source(), e);
      return result(s, RestoreOutcome.FAILED, String.valueOf(e.getMessage()));
    }
  }

  private void awaitEstablished(List<ObjectRef> crds) throws InterruptedException {
    Instant deadline = clock.instant().plus(crdDeadline);
    List<ObjectRef> waiting = new ArrayList<>(crds);
    while (!waiting.isEmpty()) {
      waiting.removeIf(crd -> cluster.established(crd.name()));
      if (waiting.isEmpty() || !clock.instant().isBefore(deadline)) {
        break;
      }
      Thread.sleep(200);
    }
    if (!waiting.isEmpty()) {
      log.info("CRDs not Established within {}: {}", crdDeadline, waiting);
    }
  }

  private static ObjectResult result(Selected s, RestoreOutcome outcome, String reason) {
    return new ObjectResult(s.source(), s.target(), outcome, reason);
  }
}
