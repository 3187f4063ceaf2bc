package io.kubeward.backup.domain.restore;

import io.kubeward.backup.domain.ObjectRef;
import java.util.Comparator;
import java.util.Map;

/** Which {@link RestoreStage} an object belongs to, and the order inside a stage. Pure. */
public final class RestoreOrder {

  private static final Map<String, RestoreStage> BY_GROUP_KIND =
      Map.ofEntries(
          Map.entry("apiextensions.k8s.io/CustomResourceDefinition", RestoreStage.CRDS),
          Map.entry("/Namespace", RestoreStage.NAMESPACES),
          Map.entry("/ServiceAccount", RestoreStage.FOUNDATION),
          Map.entry("rbac.authorization.k8s.io/ClusterRole", RestoreStage.FOUNDATION),
          Map.entry("rbac.authorization.k8s.io/ClusterRoleBinding", RestoreStage.FOUNDATION),
          Map.entry("rbac.authorization.k8s.io/Role", RestoreStage.FOUNDATION),
          Map.entry("rbac.authorization.k8s.io/RoleBinding", RestoreStage.FOUNDATION),
          Map.entry("/ConfigMap", RestoreStage.FOUNDATION),
          Map.entry("/Secret", RestoreStage.FOUNDATION),
          Map.entry("/PersistentVolume", RestoreStage.FOUNDATION),
          Map.entry("/PersistentVolumeClaim", RestoreStage.FOUNDATION),
          Map.entry("/ResourceQuota", RestoreStage.FOUNDATION),
          Map.entry("/LimitRange", RestoreStage.FOUNDATION),
          Map.entry("storage.k8s.io/StorageClass", RestoreStage.FOUNDATION),
          Map.entry("scheduling.k8s.io/PriorityClass", RestoreStage.FOUNDATION),
          Map.entry("apps/Deployment", RestoreStage.WORKLOADS),
          Map.entry("apps/StatefulSet", RestoreStage.WORKLOADS),
          Map.entry("apps/DaemonSet", RestoreStage.WORKLOADS),
          Map.entry("apps/ReplicaSet", RestoreStage.WORKLOADS),
          Map.entry("/ReplicationController", RestoreStage.WORKLOADS),
          Map.entry("batch/Job", RestoreStage.WORKLOADS),
          Map.entry("batch/CronJob", RestoreStage.WORKLOADS),
          Map.entry("/Pod", RestoreStage.WORKLOADS),
          Map.entry("/Service", RestoreStage.NETWORK),
          Map.entry("networking.k8s.io/Ingress", RestoreStage.NETWORK));

  /** Inside a stage: the foundation's accounts and roles before the bindings that name them. */
  private static final Map<String, Integer> IN_STAGE =
      Map.of(
          "/ServiceAccount", 0,
          "rbac.authorization.k8s.io/ClusterRole", 1,
          "rbac.authorization.k8s.io/Role", 1,
          "/PersistentVolume", 1,
          "rbac.authorization.k8s.io/ClusterRoleBinding", 2,
          "rbac.authorization.k8s.io/RoleBinding", 2,
          "/PersistentVolumeClaim", 2,
          "networking.k8s.io/Ingress", 1);

  /** Sorts by stage, then rank, kind, namespace and name: a stable, repeatable order. */
  public static final Comparator<ObjectRef> ORDER =
      Comparator.comparing(RestoreOrder::stage)
          .thenComparingInt(RestoreOrder::rank)
          .thenComparing(ObjectRef::kind)
          .thenComparing(r -> r.namespace() == null ? "" : r.namespace())
          .thenComparing(ObjectRef::name);

  private RestoreOrder() {}

  public static RestoreStage stage(ObjectRef ref) {
    return BY_GROUP_KIND.getOrDefault(key(ref), RestoreStage.REST);
  }

  /**
   * The rank inside the stage: objects of a lower rank are done before those of a higher one
   * (RoleBindings after their Roles and ServiceAccounts, PVCs after their PVs, Ingresses after
   * Services).
   */
  public static int rank(ObjectRef ref) {
    return IN_STAGE.getOrDefault(key(ref), 0);
  }

  private static String key(ObjectRef ref) {
    return ref.group() + "/" + ref.kind();
  }
}
