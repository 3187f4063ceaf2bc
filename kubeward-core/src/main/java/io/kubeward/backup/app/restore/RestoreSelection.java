package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.restore.RestoreFilter;
import io.kubeward.backup.domain.restore.RestoreOrder;
import io.kubeward.backup.domain.restore.RestoreSpec;
import io.kubeward.backup.domain.restore.RestoreStage;
import io.kubeward.backup.domain.restore.RestoreTransform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The archived objects a restore takes, in restore order, with what the whole selection tells about
 * each one: the namespaces and PersistentVolumes restored with it, the CRDs that will serve its
 * kind, and targets two archived objects would share. One pass over the archive; only references
 * are kept, objects are read again when restored.
 */
public final class RestoreSelection {

  /** One selected object: where it goes, when, and why it is never restored (if so). */
  public record Selected(
      ObjectRef source,
      ObjectRef target,
      RestoreStage stage,
      int rank,
      @Nullable String notRestored,
      @Nullable ObjectRef collidesWith) {}

  private final List<Selected> items;
  private final int archived;
  private final Set<String> namespaces;
  private final Set<String> volumes;
  private final Set<String> crdKinds;

  private RestoreSelection(
      List<Selected> items,
      int archived,
      Set<String> namespaces,
      Set<String> volumes,
      Set<String> crdKinds) {
    this.items = items;
    this.archived = archived;
    this.namespaces = namespaces;
    this.volumes = volumes;
    this.crdKinds = crdKinds;
  }

  /**
   * @param plurals the resource name of a kind when the cluster serves it, else null
   */
  public static RestoreSelection of(
      RestoreSpec spec, RestoreArchive archive, Function<ObjectRef, @Nullable String> plurals) {
    RestoreFilter filter = new RestoreFilter(spec);
    List<Selected> items = new ArrayList<>();
    Set<String> namespaces = new HashSet<>();
    Set<String> volumes = new HashSet<>();
    Set<String> crdKinds = new HashSet<>();
    Map<ObjectRef, ObjectRef> targets = new HashMap<>();
    List<ObjectRef> objects = archive.objects();
    for (ObjectRef source : objects) {
      Map<String, Object> object = archive.read(source);
      Map<String, String> labels = labels(object);
      if (!filter.selects(source, plurals.apply(source), labels)) {
        continue;
      }
      ObjectRef target = RestoreTransform.target(source, spec);
      String never = RestoreFilter.neverRestored(source, labels).orElse(null);
      ObjectRef collides = never == null ? targets.putIfAbsent(target, source) : null;
      if (never == null && collides == null) {
        if (source.group().isEmpty() && source.kind().equals("Namespace")) {
          namespaces.add(target.name());
        } else if (source.group().isEmpty() && source.kind().equals("PersistentVolume")) {
          volumes.add(source.name());
        } else if (source.kind().equals("CustomResourceDefinition")
            && source.group().equals("apiextensions.k8s.io")) {
          crdKind(object).ifPresent(crdKinds::add);
        }
      }
      items.add(
          new Selected(
              source,
              target,
              RestoreOrder.stage(source),
              RestoreOrder.rank(source),
              never,
              collides));
    }
    items.sort(Comparator.comparing(Selected::source, RestoreOrder.ORDER));
    return new RestoreSelection(List.copyOf(items), objects.size(), namespaces, volumes, crdKinds);
  }

  public List<Selected> items() {
    return items;
  }

  /** How many objects the archive has. */
  public int archived() {
    return archived;
  }

  /** The names of the PersistentVolumes restored (a PVC bound to another loses its volumeName). */
  public Set<String> volumes() {
    return volumes;
  }

  /** Whether the selection restores the Namespace {@code target} (a target name). */
  public boolean restoresNamespace(String target) {
    return namespaces.contains(target);
  }

  /** Whether a CRD of the selection serves kind {@code kind} of group {@code group}. */
  public boolean restoresCrdOf(String group, String kind) {
    return crdKinds.contains(group + "/" + kind);
  }

  /** The selected items in stage and rank groups, in restore order. */
  public List<List<Selected>> groups() {
    List<List<Selected>> groups = new ArrayList<>();
    List<Selected> current = new ArrayList<>();
    Selected previous = null;
    for (Selected s : items) {
      if (previous != null && (previous.stage() != s.stage() || previous.rank() != s.rank())) {
        groups.add(List.copyOf(current));
        current.clear();
      }
      current.add(s);
      previous = s;
    }
    if (!current.isEmpty()) {
      groups.add(List.copyOf(current));
    }
    return groups;
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> labels(Map<String, Object> object) {
    if (object.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get("labels") instanceof Map<?, ?> labels) {
      Map<String, String> copy = new HashMap<>();
      ((Map<Object, Object>) labels)
          .forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
      return copy;
    }
    return Map.of();
  }

  /** {@code group/kind} of a CRD object. */
  static Optional<String> crdKind(Map<String, Object> crd) {
    if (crd.get("spec") instanceof Map<?, ?> spec
        && spec.get("group") instanceof String group
        && spec.get("names") instanceof Map<?, ?> names
        && names.get("kind") instanceof String kind) {
      return Optional.of(group + "/" + kind);
    }
    return Optional.empty();
  }

  /** The CRD's name ({@code plural.group}) of a CRD object's reference. */
  static String crdName(ObjectRef ref) {
    return ref.name();
  }
}
