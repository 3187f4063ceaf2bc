package io.kubeward.backup.app.restore;

import io.kubeward.backup.app.restore.RestoreCluster.Lookup;
import io.kubeward.backup.app.restore.RestoreCluster.Write;
import io.kubeward.backup.app.restore.RestoreSelection.Selected;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.restore.ExistingPolicy;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreTransform;
import io.kubeward.resource.domain.KindInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The preview of a restore (ADR 0042): for every selected archived object, what the restore would
 * do — create it, skip or overwrite the existing one — or why it conflicts or cannot be restored
 * (missing CRD, namespace mapping gap, immutable fields, the caller lacks the right). Every check
 * goes to the cluster as the caller: existence by a read, rights by a SelfSubjectAccessReview, an
 * overwrite by a server-side apply dry run. The archive was verified when it was opened.
 */
public final class RestorePlan {

  private final RestoreSpec spec;
  private final RestoreCluster cluster;
  private final Map<String, Boolean> namespaceExists = new ConcurrentHashMap<>();
  private final Map<String, Boolean> allowed = new ConcurrentHashMap<>();

  public RestorePlan(RestoreSpec spec, RestoreCluster cluster) {
    this.spec = spec;
    this.cluster = cluster;
  }

  /** The preview of a whole archive, at most {@code limit} items listed (counts cover all). */
  public RestorePreview preview(RestoreArchive archive, int limit) {
    RestoreSelection selection = select(archive);
    Map<PreviewVerdict, Integer> counts = new EnumMap<>(PreviewVerdict.class);
    List<PreviewItem> items = new ArrayList<>();
    for (Selected s : selection.items()) {
      PreviewItem item = check(selection, s, archive);
      counts.merge(item.verdict(), 1, Integer::sum);
      if (items.size() < limit) {
        items.add(item);
      }
    }
    return new RestorePreview(
        archive.sha256(),
        selection.archived(),
        selection.items().size(),
        counts,
        items,
        selection.items().size() > items.size());
  }

  /** The selection, resource names from the cluster's discovery. */
  public RestoreSelection select(RestoreArchive archive) {
    return RestoreSelection.of(
        spec,
        archive,
        ref -> cluster.resolve(ref.apiVersion(), ref.kind()).map(KindInfo::plural).orElse(null));
  }

  /** What would happen to one object. */
  public PreviewItem check(RestoreSelection selection, Selected s, RestoreArchive archive) {
    Optional<PreviewItem> blocked = blocked(selection, s);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    Optional<KindInfo> kind = cluster.resolve(s.source().apiVersion(), s.source().kind());
    if (kind.isEmpty()) {
      // served once the archive's CRD is restored: nothing of that kind can exist yet
      return item(s, PreviewVerdict.CREATE, "created once its CRD is restored");
    }
    Lookup found = cluster.get(kind.get(), s.target());
    if (!found.exists()) {
      if (!allowedTo("create", kind.get(), s.target().namespace())) {
        return forbidden(s, "create");
      }
      return item(
          s,
          PreviewVerdict.CREATE,
          found.state() == Lookup.State.FORBIDDEN
              ? "you may not read it: if it exists, it will be skipped"
              : null);
    }
    if (spec.existingPolicy() == ExistingPolicy.Skip) {
      return item(s, PreviewVerdict.EXISTS_SKIP, "exists; the existing policy is Skip");
    }
    Map<String, Object> object =
        RestoreTransform.apply(s.source(), archive.read(s.source()), spec, selection.volumes())
            .object();
    Write dryRun = cluster.apply(kind.get(), object, true);
    if (dryRun.ok()) {
      return item(s, PreviewVerdict.EXISTS_OVERWRITE, null);
    }
    if (dryRun.code() == 403) {
      return item(
          s, PreviewVerdict.CANNOT_RESTORE, "you may not overwrite it: " + dryRun.message());
    }
    return item(
        s, PreviewVerdict.CONFLICT, "the cluster refuses the overwrite: " + dryRun.message());
  }

  /**
   * What stops an object whatever the cluster holds: never restored, a collision, a missing CRD, a
   * namespace that neither exists nor is restored.
   */
  Optional<PreviewItem> blocked(RestoreSelection selection, Selected s) {
    if (s.notRestored() != null) {
      return Optional.of(item(s, PreviewVerdict.NOT_RESTORED, s.notRestored()));
    }
    if (s.collidesWith() != null) {
      return Optional.of(
          item(
              s,
              PreviewVerdict.CONFLICT,
              "the namespace mapping makes it the same object as " + describe(s.collidesWith())));
    }
    ObjectRef source = s.source();
    if (cluster.resolve(source.apiVersion(), source.kind()).isEmpty()
        && !selection.restoresCrdOf(source.group(), source.kind())) {
      return Optional.of(
          item(
              s,
              PreviewVerdict.CANNOT_RESTORE,
              "the cluster does not serve "
                  + source.kind()
                  + " ("
                  + source.apiVersion()
                  + ") and the archive has no CRD for it"));
    }
    String namespace = s.target().namespace();
    if (namespace != null
        && !selection.restoresNamespace(namespace)
        && !namespaceExists(namespace)) {
      String mapped =
          namespace.equals(source.namespace()) ? "" : " (mapped from " + source.namespace() + ")";
      return Optional.of(
          item(
              s,
              PreviewVerdict.CANNOT_RESTORE,
              "namespace "
                  + namespace
                  + mapped
                  + " does not exist and the archive restores no Namespace of that name"));
    }
    return Optional.empty();
  }

  boolean namespaceExists(String namespace) {
    return namespaceExists.computeIfAbsent(
        namespace,
        ns ->
            cluster
                .resolve("v1", "Namespace")
                .map(k -> cluster.get(k, new ObjectRef("v1", "Namespace", null, ns)))
                .map(l -> l.state() != Lookup.State.ABSENT)
                .orElse(false));
  }

  private boolean allowedTo(String verb, KindInfo kind, String namespace) {
    return allowed.computeIfAbsent(
        verb + "|" + kind.group() + "|" + kind.plural() + "|" + namespace,
        k -> cluster.may(verb, kind, namespace));
  }

  private static PreviewItem forbidden(Selected s, String verb) {
    return item(
        s,
        PreviewVerdict.CANNOT_RESTORE,
        "you may not "
            + verb
            + " "
            + s.source().kind()
            + (s.target().namespace() == null ? "" : " in namespace " + s.target().namespace()));
  }

  static String describe(ObjectRef ref) {
    return ref.kind() + " " + (ref.namespace() == null ? "" : ref.namespace() + "/") + ref.name();
  }

  private static PreviewItem item(Selected s, PreviewVerdict verdict, String reason) {
    return new PreviewItem(s.source(), s.target(), s.stage(), verdict, reason);
  }
}
