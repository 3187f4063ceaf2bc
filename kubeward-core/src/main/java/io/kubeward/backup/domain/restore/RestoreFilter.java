package io.kubeward.backup.domain.restore;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.cluster.domain.LabelSelector;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which archived objects a restore takes (the spec's namespaces, resources and label selector), and
 * which it never takes because the cluster makes them itself. Pure.
 */
public final class RestoreFilter {

  private final RestoreSpec spec;
  private final LabelSelector selector;

  /**
   * @throws LabelSelector.InvalidSelectorException when the selector is malformed (validation
   *     reports it first)
   */
  public RestoreFilter(RestoreSpec spec) {
    this.spec = spec;
    this.selector =
        spec.labelSelector() == null || spec.labelSelector().isBlank()
            ? LabelSelector.EVERYTHING
            : LabelSelector.parse(spec.labelSelector());
  }

  /**
   * Whether the spec selects the object.
   *
   * @param plural the resource name ({@code deployments}) when known, else null
   */
  public boolean selects(ObjectRef ref, @Nullable String plural, Map<String, String> labels) {
    String namespace = namespaceOf(ref);
    if (namespace != null) {
      if (!spec.includedNamespaces().isEmpty() && !spec.includedNamespaces().contains(namespace)) {
        return false;
      }
      if (spec.excludedNamespaces().contains(namespace)) {
        return false;
      }
    }
    if (!spec.includedResources().isEmpty() && !named(spec.includedResources(), ref, plural)) {
      return false;
    }
    if (named(spec.excludedResources(), ref, plural)) {
      return false;
    }
    return selector.matches(labels == null ? Map.of() : labels);
  }

  /**
   * The namespace a Namespace or a namespaced object belongs to (null for other cluster objects).
   */
  private static @Nullable String namespaceOf(ObjectRef ref) {
    return RestoreTransform.isCore(ref, "Namespace") ? ref.name() : ref.namespace();
  }

  /**
   * Why the object is never restored, if it is not: the cluster makes it itself, or restoring it
   * would start another backup or restore.
   */
  public static Optional<String> neverRestored(ObjectRef ref, Map<String, String> labels) {
    String group = ref.group();
    String kind = ref.kind();
    if (kind.equals("Event") && (group.isEmpty() || group.equals("events.k8s.io"))) {
      return Optional.of("Events are not restored");
    }
    if (group.equals("discovery.k8s.io")
        && kind.equals("EndpointSlice")
        && labels != null
        && labels.containsKey("endpointslice.kubernetes.io/managed-by")) {
      return Optional.of("EndpointSlices are made again by their Service's controller");
    }
    if (group.equals("kubeward.io")
        && (kind.equals("Backup") || kind.equals("Restore") || kind.equals("BackupSchedule"))) {
      return Optional.of("Kubeward's own " + kind + " objects are not restored");
    }
    if (group.isEmpty() && kind.equals("Node")) {
      return Optional.of("Nodes belong to the cluster, they are not restored");
    }
    if (group.equals("coordination.k8s.io") && kind.equals("Lease")) {
      return Optional.of("Leases are held by running processes, they are not restored");
    }
    if (group.equals("apiextensions.k8s.io") && kind.equals("APIService")
        || group.equals("apiregistration.k8s.io")) {
      return Optional.of("APIServices belong to the cluster, they are not restored");
    }
    return Optional.empty();
  }

  private static boolean named(List<String> names, ObjectRef ref, @Nullable String plural) {
    if (names.isEmpty()) {
      return false;
    }
    String kind = ref.kind().toLowerCase(Locale.ROOT);
    String resource = plural != null ? plural : plural(kind);
    String group = ref.group();
    for (String raw : names) {
      String name = raw.strip().toLowerCase(Locale.ROOT);
      if (name.equals("*")) {
        return true;
      }
      int dot = name.indexOf('.');
      String head = dot < 0 ? name : name.substring(0, dot);
      String tail = dot < 0 ? null : name.substring(dot + 1);
      boolean sameResource = head.equals(resource) || head.equals(kind);
      boolean sameGroup = tail == null || tail.equals(group);
      if (sameResource && sameGroup) {
        return true;
      }
    }
    return false;
  }

  /** The plural Kubernetes would most likely give a kind (only when discovery cannot say). */
  static String plural(String kind) {
    if (kind.endsWith("s") || kind.endsWith("x") || kind.endsWith("ch") || kind.endsWith("sh")) {
      return kind.endsWith("endpoints") ? kind : kind + "es";
    }
    if (kind.endsWith("y")
        && kind.length() > 1
        && "aeiou".indexOf(kind.charAt(kind.length() - 2)) < 0) {
      return kind.substring(0, kind.length() - 1) + "ies";
    }
    return kind + "s";
  }
}
