package io.kubeward.backup.app.restore;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.domain.restore.RestoreProblem;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreValidation;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.runtime.app.ObjectWatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: restores as the caller sees and starts them (ADR 0042). Every request goes to the
 * cluster with the caller's identity ({@link RestoreGateway}); the preview checks the caller's own
 * rights; a Restore is validated by the one {@link RestoreValidation}, written by the caller and
 * stamped with the caller's identity, which the controller then acts as (ADR 0040). A raw archive
 * key as the source is for administrators. Every change is audited.
 */
public final class ManageRestores {

  public static final int MAX_PAGE_SIZE = 500;

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final RestoreGateway gateway;
  private final RestoreArchives archives;
  private final RestoreResults results;
  private final int previewLimit;

  public ManageRestores(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      RestoreGateway gateway,
      RestoreArchives archives,
      RestoreResults results,
      int previewLimit) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.audited = audited;
    this.gateway = gateway;
    this.archives = archives;
    this.results = results;
    this.previewLimit = previewLimit;
  }

  /**
   * What a restore of {@code spec} into {@code cluster} would do, checked as the caller; the
   * archive is verified by its checksums first. Audited as {@code restore.preview}.
   */
  public RestorePreview preview(Caller caller, String cluster, @Nullable RestoreSpec spec) {
    reads.known(cluster);
    return audited.run(
        caller,
        Verb.READ,
        new AuditedAction.Target(cluster, null, "Restore", "(preview)"),
        "restore.preview",
        () -> {
          validate(caller, null, spec);
          ArchiveLocation location =
              gateway.locate(caller, spec.source().clusterOr(cluster), spec.source());
          try (RestoreArchive archive =
              archives.open(location.location(), location.key(), location.sha256())) {
            return AuditedAction.Outcome.of(
                new RestorePlan(spec, gateway.clusterAs(caller, cluster))
                    .preview(archive, previewLimit));
          }
        });
  }

  public List<RestoreView> list(Caller caller, String cluster, @Nullable String namespace) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return gateway.list(caller, cluster, namespace).stream()
        .map(o -> RestoreView.of(cluster, o))
        .sorted(Comparator.comparing(RestoreView::namespace).thenComparing(RestoreView::name))
        .toList();
  }

  public RestoreView get(Caller caller, String cluster, String namespace, String name) {
    return RestoreView.of(cluster, find(caller, cluster, namespace, name));
  }

  /**
   * Creates a Restore (the controller restores it as the caller); audited as {@code
   * restore.create}.
   */
  public RestoreView create(
      Caller caller, String cluster, String namespace, String name, @Nullable RestoreSpec spec) {
    reads.known(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, "Restore", name),
        "restore.create",
        () -> {
          validate(caller, name, spec);
          return AuditedAction.Outcome.of(
              RestoreView.of(cluster, gateway.create(caller, cluster, namespace, name, spec)));
        });
  }

  /** Deletes a Restore and its results (not what it restored); audited. */
  public void delete(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, "Restore", name),
        "restore.delete",
        () -> {
          if (!gateway.delete(caller, cluster, namespace, name)) {
            throw new RestoreNotFoundException(cluster, namespace, name);
          }
          return AuditedAction.Outcome.of(null);
        });
  }

  /**
   * Calls {@code listener} with the Restore now and on every change (the progress stream), as the
   * caller; close the handle to stop.
   */
  public AutoCloseable watch(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ObjectWatcher<RestoreView> listener) {
    find(caller, cluster, namespace, name);
    return gateway.watch(
        caller,
        cluster,
        namespace,
        name,
        new ObjectWatcher<>() {
          @Override
          public void changed(RestoreObject object) {
            listener.changed(RestoreView.of(cluster, object));
          }

          @Override
          public void deleted() {
            listener.deleted();
          }
        });
  }

  /** One page of a Restore's per-object results, optionally of one outcome. */
  public RestoreResults.Page results(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      @Nullable RestoreOutcome outcome,
      int page,
      int size) {
    if (page < 0 || page > 100_000) {
      throw new InvalidRestoreException(
          List.of(new RestoreProblem("page", "must lie between 0 and 100000")));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRestoreException(
          List.of(new RestoreProblem("size", "must lie between 1 and " + MAX_PAGE_SIZE)));
    }
    RestoreObject restore = find(caller, cluster, namespace, name);
    if (restore.uid() == null) {
      return new RestoreResults.Page(List.of(), 0, page, size);
    }
    return results.page(restore.uid(), outcome, page, size);
  }

  private RestoreObject find(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return gateway
        .get(caller, cluster, namespace, name)
        .orElseThrow(() -> new RestoreNotFoundException(cluster, namespace, name));
  }

  private static void validate(Caller caller, @Nullable String name, @Nullable RestoreSpec spec) {
    List<RestoreProblem> problems = new ArrayList<>(RestoreValidation.validate(name, spec));
    if (problems.isEmpty() && spec.source().namesArchiveKey() && !Authorizer.isAdmin(caller)) {
      problems.add(
          new RestoreProblem("spec.source.archiveKey", "is for Kubeward administrators only"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRestoreException(problems);
    }
  }
}
