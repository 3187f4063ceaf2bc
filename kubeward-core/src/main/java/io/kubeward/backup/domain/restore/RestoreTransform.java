package io.kubeward.backup.domain.restore;

import io.kubeward.backup.domain.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An archived object made fit for a cluster (ADR 0042). Pure; the input is never changed.
 *
 * <ul>
 *   <li>server-managed metadata ({@code uid}, {@code resourceVersion}, {@code generation}, {@code
 *       creationTimestamp}, {@code managedFields}, ...) and {@code status} dropped;
 *   <li>{@code ownerReferences} dropped, so that controllers adopt the object again;
 *   <li>the namespace mapped — also a Namespace's own name, ServiceAccount subjects of
 *       (Cluster)RoleBindings and a PersistentVolume's {@code claimRef};
 *   <li>allocated fields cleared: a Service's {@code clusterIP}/{@code clusterIPs} (unless
 *       headless), {@code healthCheckNodePort} and node ports (unless kept), a Pod's {@code
 *       nodeName}, a PVC's {@code volumeName} when its PV is not restored with it, a PV's {@code
 *       claimRef} uid, a Job's generated selector and {@code controller-uid} labels.
 * </ul>
 */
public final class RestoreTransform {

  /** Metadata the API server owns. */
  static final List<String> SERVER_METADATA =
      List.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink",
          "ownerReferences",
          "generateName");

  /** Annotations that describe a past binding or apply, not the object. */
  static final List<String> DROPPED_ANNOTATIONS =
      List.of(
          "pv.kubernetes.io/bind-completed",
          "pv.kubernetes.io/bound-by-controller",
          "deployment.kubernetes.io/revision");

  private static final List<String> JOB_GENERATED_LABELS =
      List.of("controller-uid", "batch.kubernetes.io/controller-uid");

  private RestoreTransform() {}

  /** The object as it will be restored, and its reference. */
  public record Transformed(ObjectRef target, Map<String, Object> object) {}

  /**
   * @param restoredVolumes the names of the PersistentVolumes restored with this object (a PVC
   *     bound to another keeps no {@code volumeName})
   */
  public static Transformed apply(
      ObjectRef source, Map<String, Object> object, RestoreSpec spec, Set<String> restoredVolumes) {
    Map<String, Object> copy = deepCopy(object);
    copy.remove("status");
    copy.put("apiVersion", source.apiVersion());
    copy.put("kind", source.kind());
    Map<String, Object> metadata = child(copy, "metadata");
    for (String field : SERVER_METADATA) {
      metadata.remove(field);
    }
    Map<String, Object> annotations = optionalChild(metadata, "annotations");
    if (annotations != null) {
      DROPPED_ANNOTATIONS.forEach(annotations::remove);
      if (annotations.isEmpty()) {
        metadata.remove("annotations");
      }
    }
    String targetNamespace = spec.mapNamespace(source.namespace());
    String targetName = source.name();
    if (targetNamespace != null) {
      metadata.put("namespace", targetNamespace);
    } else {
      metadata.remove("namespace");
    }
    if (isCore(source, "Namespace")) {
      targetName = spec.mapNamespace(source.name());
    }
    metadata.put("name", targetName);
    switch (source.group() + "/" + source.kind()) {
      case "/Service" -> service(copy, spec.keepsNodePorts());
      case "/Pod" -> pod(copy);
      case "/PersistentVolumeClaim" -> claim(copy, restoredVolumes);
      case "/PersistentVolume" -> volume(copy, spec);
      case "batch/Job" -> job(copy);
      case "rbac.authorization.k8s.io/RoleBinding",
          "rbac.authorization.k8s.io/ClusterRoleBinding" ->
          subjects(copy, spec);
      default -> {}
    }
    ObjectRef target =
        new ObjectRef(source.apiVersion(), source.kind(), targetNamespace, targetName);
    return new Transformed(target, copy);
  }

  /** The reference an object is restored under (namespace, and a Namespace's name, mapped). */
  public static ObjectRef target(ObjectRef source, RestoreSpec spec) {
    String name = isCore(source, "Namespace") ? spec.mapNamespace(source.name()) : source.name();
    return new ObjectRef(
        source.apiVersion(), source.kind(), spec.mapNamespace(source.namespace()), name);
  }

  private static void service(Map<String, Object> service, boolean keepNodePorts) {
    Map<String, Object> spec = optionalChild(service, "spec");
    if (spec == null) {
      return;
    }
    boolean headless = "None".equals(spec.get("clusterIP"));
    if (!headless) {
      spec.remove("clusterIP");
      spec.remove("clusterIPs");
    }
    spec.remove("healthCheckNodePort");
    if (!keepNodePorts && spec.get("ports") instanceof List<?> ports) {
      for (Object port : ports) {
        if (port instanceof Map<?, ?> p) {
          p.remove("nodePort");
        }
      }
    }
  }

  private static void pod(Map<String, Object> pod) {
    Map<String, Object> spec = optionalChild(pod, "spec");
    if (spec != null) {
      spec.remove("nodeName");
    }
  }

  private static void claim(Map<String, Object> claim, Set<String> restoredVolumes) {
    Map<String, Object> spec = optionalChild(claim, "spec");
    if (spec != null
        && spec.get("volumeName") instanceof String volume
        && !restoredVolumes.contains(volume)) {
      spec.remove("volumeName");
    }
  }

  private static void volume(Map<String, Object> volume, RestoreSpec restore) {
    Map<String, Object> spec = optionalChild(volume, "spec");
    Map<String, Object> claimRef = spec == null ? null : optionalChild(spec, "claimRef");
    if (claimRef == null) {
      return;
    }
    claimRef.remove("uid");
    claimRef.remove("resourceVersion");
    if (claimRef.get("namespace") instanceof String ns) {
      claimRef.put("namespace", restore.mapNamespace(ns));
    }
  }

  private static void job(Map<String, Object> job) {
    Map<String, Object> spec = optionalChild(job, "spec");
    if (spec == null || Boolean.TRUE.equals(spec.get("manualSelector"))) {
      return;
    }
    spec.remove("selector");
    Map<String, Object> template = optionalChild(spec, "template");
    Map<String, Object> metadata = template == null ? null : optionalChild(template, "metadata");
    Map<String, Object> labels = metadata == null ? null : optionalChild(metadata, "labels");
    if (labels != null) {
      JOB_GENERATED_LABELS.forEach(labels::remove);
    }
    Map<String, Object> own = optionalChild(child(job, "metadata"), "labels");
    if (own != null) {
      JOB_GENERATED_LABELS.forEach(own::remove);
    }
  }

  private static void subjects(Map<String, Object> binding, RestoreSpec spec) {
    if (!(binding.get("subjects") instanceof List<?> subjects)) {
      return;
    }
    for (Object subject : subjects) {
      if (subject instanceof Map<?, ?> s
          && "ServiceAccount".equals(s.get("kind"))
          && s.get("namespace") instanceof String ns) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) s;
        m.put("namespace", spec.mapNamespace(ns));
      }
    }
  }

  static boolean isCore(ObjectRef ref, String kind) {
    return ref.group().isEmpty() && ref.kind().equals(kind);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, Object> optionalChild(
      Map<String, Object> parent, String key) {
    return parent.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  /** A deep, mutable copy of a JSON-like tree of maps and lists. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> deepCopy(Map<String, Object> tree) {
    Map<String, Object> copy = new LinkedHashMap<>();
    tree.forEach((k, v) -> copy.put(k, copyValue(v)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return deepCopy((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(copyValue(v)));
      return copy;
    }
    return value;
  }
}
