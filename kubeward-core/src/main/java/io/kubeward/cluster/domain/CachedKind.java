package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.CachedKind.ListOrder.FIRST;
import static io.kubeward.cluster.domain.CachedKind.ListOrder.LATER;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The table of the kinds the shared cache keeps, one row per kind: its plural name (used in URLs),
 * API version and kind, scope, the fabric8 model class it is read as with the projection to its
 * compact view, the indexes of its views, its list order, and whether only its metadata is read.
 * The cache builds one informer per row from this table and nothing else (see {@code
 * ClusterCache}); a new cached kind is a new row here and a projection.
 *
 * <p>Other kinds (CRDs included) are found through discovery and read on demand.
 */
public enum CachedKind {
  NODES("v1", "Node", false, model(Node.class, NodeProjection::node), Indexing.OBJECT, FIRST),
  NAMESPACES(
      "v1",
      "Namespace",
      false,
      model(Namespace.class, NamespaceProjections::namespace),
      Indexing.OBJECT,
      FIRST),
  PODS("v1", "Pod", true, model(Pod.class, PodProjection::pod), Indexing.POD, FIRST),
  DEPLOYMENTS(
      "apps/v1",
      "Deployment",
      true,
      model(Deployment.class, WorkloadProjections::deployment),
      Indexing.OBJECT,
      FIRST),
  REPLICASETS(
      "apps/v1",
      "ReplicaSet",
      true,
      model(ReplicaSet.class, WorkloadProjections::replicaSet),
      Indexing.OBJECT,
      LATER),
  STATEFULSETS(
      "apps/v1",
      "StatefulSet",
      true,
      model(StatefulSet.class, WorkloadProjections::statefulSet),
      Indexing.OBJECT,
      LATER),
  DAEMONSETS(
      "apps/v1",
      "DaemonSet",
      true,
      model(DaemonSet.class, WorkloadProjections::daemonSet),
      Indexing.OBJECT,
      LATER),
  JOBS("batch/v1", "Job", true, model(Job.class, WorkloadProjections::job), Indexing.OBJECT, LATER),
  CRONJOBS(
      "batch/v1",
      "CronJob",
      true,
      model(CronJob.class, WorkloadProjections::cronJob),
      Indexing.OBJECT,
      LATER),
  SERVICES(
      "v1",
      "Service",
      true,
      model(Service.class, NetworkProjections::service),
      Indexing.OBJECT,
      FIRST),
  ENDPOINTSLICES(
      "discovery.k8s.io/v1",
      "EndpointSlice",
      true,
      model(EndpointSlice.class, NetworkProjections::endpointSlice),
      Indexing.OBJECT,
      LATER),
  INGRESSES(
      "networking.k8s.io/v1",
      "Ingress",
      true,
      model(Ingress.class, NetworkProjections::ingress),
      Indexing.OBJECT,
      LATER),
  PERSISTENTVOLUMECLAIMS(
      "v1",
      "PersistentVolumeClaim",
      true,
      model(PersistentVolumeClaim.class, StorageProjections::persistentVolumeClaim),
      Indexing.OBJECT,
      LATER),
  PERSISTENTVOLUMES(
      "v1",
      "PersistentVolume",
      false,
      model(PersistentVolume.class, StorageProjections::persistentVolume),
      Indexing.OBJECT,
      LATER),
  STORAGECLASSES(
      "storage.k8s.io/v1",
      "StorageClass",
      false,
      model(StorageClass.class, StorageProjections::storageClass),
      Indexing.OBJECT,
      LATER),
  EVENTS("v1", "Event", true, model(Event.class, EventProjection::event), Indexing.OBJECT, LATER),
  HORIZONTALPODAUTOSCALERS(
      "autoscaling/v2",
      "HorizontalPodAutoscaler",
      true,
      model(HorizontalPodAutoscaler.class, WorkloadProjections::horizontalPodAutoscaler),
      Indexing.OBJECT,
      LATER),
  PODDISRUPTIONBUDGETS(
      "policy/v1",
      "PodDisruptionBudget",
      true,
      model(PodDisruptionBudget.class, WorkloadProjections::podDisruptionBudget),
      Indexing.OBJECT,
      LATER),
  RESOURCEQUOTAS(
      "v1",
      "ResourceQuota",
      true,
      model(ResourceQuota.class, NamespaceProjections::resourceQuota),
      Indexing.OBJECT,
      LATER),
  LIMITRANGES(
      "v1",
      "LimitRange",
      true,
      model(LimitRange.class, NamespaceProjections::limitRange),
      Indexing.OBJECT,
      LATER),
  CONFIGMAPS(
      "v1",
      "ConfigMap",
      true,
      model(ConfigMap.class, ConfigProjections::configMap),
      Indexing.OBJECT,
      LATER),
  /**
   * Metadata only: listed and watched as {@code PartialObjectMetadata}, so the cache never receives
   * a secret's type or data.
   */
  SECRETS(
      "v1",
      "Secret",
      true,
      metadataOnly(ConfigProjections::secretMetadata),
      Indexing.OBJECT,
      LATER);

  /**
   * When a kind lists, on a cold start and on every relist (ADR 0012): while a list of a {@link
   * #FIRST} kind is under way no page of a {@link #LATER} kind starts. The overview's kinds ({@link
   * ClusterSnapshot#KINDS}) are the FIRST ones, so the overview is complete before events are in.
   */
  public enum ListOrder {
    FIRST,
    LATER
  }

  /** Which secondary indexes the views of a kind get (see {@link Indexes}). */
  public enum Indexing {
    /** Namespace (if namespaced), label, owner, and the view's status under {@code phase}. */
    OBJECT,
    /** As {@link #OBJECT}, plus node and problem, and the pod phase under {@code phase}. */
    POD
  }

  /**
   * How a kind is read and kept: the fabric8 model class the informer decodes, a factory of empty
   * objects of it (the stubs the cache hands back to fabric8, see {@code ProjectingItemStore}) and
   * the projection to the compact view; {@code metadataOnly} when only the metadata is requested.
   */
  public record Model<T extends HasMetadata, V extends KubeObjectView>(
      Class<T> type, Supplier<T> stubs, Function<T, V> projection, boolean metadataOnly) {}

  private final String apiVersion;
  private final String kind;
  private final boolean namespaced;
  private final Model<?, ?> model;
  private final Indexing indexing;
  private final ListOrder listOrder;

  CachedKind(
      String apiVersion,
      String kind,
      boolean namespaced,
      Model<?, ?> model,
      Indexing indexing,
      ListOrder listOrder) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.namespaced = namespaced;
    this.model = model;
    this.indexing = indexing;
    this.listOrder = listOrder;
  }

  /** The plural resource name ({@code pods}), as used in URLs. */
  public String plural() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** The Kubernetes kind ({@code Pod}). */
  public String kind() {
    return kind;
  }

  public boolean namespaced() {
    return namespaced;
  }

  /** The model class, stub factory and projection of this kind. */
  public Model<?, ?> model() {
    return model;
  }

  /** Whether the cache reads only the metadata of this kind (its data never reaches Kubeward). */
  public boolean metadataOnly() {
    return model.metadataOnly();
  }

  public Indexing indexing() {
    return indexing;
  }

  public ListOrder listOrder() {
    return listOrder;
  }

  /** The index functions of this kind's views, by index name (see {@link Indexes}). */
  public Map<String, Function<KubeObjectView, List<String>>> indexes() {
    return Indexes.forKind(this);
  }

  public static Optional<CachedKind> byPlural(String plural) {
    for (CachedKind candidate : values()) {
      if (candidate.plural().equals(plural)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static <T extends HasMetadata, V extends KubeObjectView> Model<T, V> model(
      Class<T> type, Function<T, V> projection) {
    return new Model<>(type, stubsOf(type), projection, false);
  }

  private static <V extends KubeObjectView> Model<GenericKubernetesResource, V> metadataOnly(
      Function<HasMetadata, V> projection) {
    return new Model<>(
        GenericKubernetesResource.class, GenericKubernetesResource::new, projection::apply, true);
  }

  /**
   * Empty objects of {@code type} through its public no-argument constructor (every model has one).
   */
  private static <T> Supplier<T> stubsOf(Class<T> type) {
    Constructor<T> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no public no-argument constructor", e);
    }
    return () -> {
      try {
        return constructor.newInstance();
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot create an empty " + type.getSimpleName(), e);
      }
    };
  }
}
