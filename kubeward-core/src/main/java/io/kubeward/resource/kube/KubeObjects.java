package io.kubeward.resource.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.resource.app.ResourceException;
import io.kubeward.resource.domain.KindInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any object through the cluster's API as {@link GenericKubernetesResource}: discovery (cached a
 * minute per cluster), get, server-side apply (field manager {@value ObjectAccess#FIELD_MANAGER},
 * strict field validation) and delete, each with the caller's identity ({@link ClusterClients});
 * the apiserver's refusals leave through {@link KubeErrors}.
 */
public final class KubeObjects implements ObjectGateway {

  static final Duration DISCOVERY_TTL = Duration.ofMinutes(1);

  private final ClusterClients clients;
  private final Clock clock;
  private final Map<String, Discovery> discovery = new ConcurrentHashMap<>();

  private record Discovery(List<KindInfo> kinds, Instant at) {}

  public KubeObjects(ClusterClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public List<KindInfo> kinds(String cluster) {
    Discovery known = discovery.get(cluster);
    if (known != null && known.at().plus(DISCOVERY_TTL).isAfter(clock.instant())) {
      return known.kinds();
    }
    return discover(cluster);
  }

  @Override
  public Optional<KindInfo> resolve(String cluster, String apiVersion, String kind) {
    Optional<KindInfo> found = find(kinds(cluster), apiVersion, kind);
    if (found.isEmpty()) {
      found = find(discover(cluster), apiVersion, kind);
    }
    return found;
  }

  private static Optional<KindInfo> find(List<KindInfo> kinds, String apiVersion, String kind) {
    return kinds.stream()
        .filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind))
        .findFirst();
  }

  private List<KindInfo> discover(String cluster) {
    KubernetesClient client = clients.kubeward(cluster);
    List<KindInfo> kinds = new ArrayList<>();
    KubeErrors.call(
        cluster,
        () -> {
          Set<String> groupVersions = new LinkedHashSet<>();
          groupVersions.add("v1");
          for (APIGroup group : client.getApiGroups().getGroups()) {
            group.getVersions().forEach(v -> groupVersions.add(v.getGroupVersion()));
          }
          for (String groupVersion : groupVersions) {
            APIResourceList list;
            try {
              list = client.getApiResources(groupVersion);
            } catch (KubernetesClientException e) {
              continue; // an aggregated API that is down must not hide the others
            }
            if (list == null || list.getResources() == null) {
              continue;
            }
            int slash = groupVersion.indexOf('/');
            String group = slash < 0 ? "" : groupVersion.substring(0, slash);
            String version = slash < 0 ? groupVersion : groupVersion.substring(slash + 1);
            for (APIResource resource : list.getResources()) {
              if (resource.getName().contains("/")) {
                continue; // subresources
              }
              kinds.add(
                  new KindInfo(
                      group,
                      version,
                      resource.getKind(),
                      resource.getName(),
                      Boolean.TRUE.equals(resource.getNamespaced()),
                      resource.getVerbs() == null ? List.of() : List.copyOf(resource.getVerbs())));
            }
          }
          return null;
        });
    kinds.sort(Comparator.comparing(KindInfo::group).thenComparing(KindInfo::kind));
    List<KindInfo> result = List.copyOf(kinds);
    discovery.put(cluster, new Discovery(result, clock.instant()));
    return result;
  }

  @Override
  public Optional<Map<String, Object>> get(
      Caller caller, String cluster, KindInfo kind, String namespace, String name) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    GenericKubernetesResource object =
        KubeErrors.call(cluster, () -> named(operation(client, kind), kind, namespace, name).get());
    return Optional.ofNullable(object).map(o -> toMap(client, o));
  }

  @Override
  public Map<String, Object> apply(
      Caller caller,
      String cluster,
      KindInfo kind,
      Map<String, Object> object,
      boolean dryRun,
      boolean force) {
    KubernetesClient client =
        clients.forCaller(
            caller, cluster, dryRun ? ClusterClients.Intent.READ : ClusterClients.Intent.WRITE);
    GenericKubernetesResource resource;
    try {
      resource =
          client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    } catch (IllegalArgumentException e) { // e.g. a label whose value is no string
      String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw ResourceException.invalid("metadata cannot be read: " + reason);
    }
    GenericKubernetesResource applied =
        KubeErrors.call(
            cluster,
            () -> {
              MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> op =
                  operation(client, kind);
              Resource<GenericKubernetesResource> target =
                  kind.namespaced()
                      ? op.inNamespace(resource.getMetadata().getNamespace()).resource(resource)
                      : op.resource(resource);
              var apply =
                  target
                      .dryRun(dryRun)
                      .fieldValidation(FieldValidateable.Validation.STRICT)
                      .fieldManager(ObjectAccess.FIELD_MANAGER);
              return force ? apply.forceConflicts().serverSideApply() : apply.serverSideApply();
            });
    return toMap(client, applied);
  }

  @Override
  public boolean delete(
      Caller caller,
      String cluster,
      KindInfo kind,
      String namespace,
      String name,
      Propagation propagation) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.WRITE);
    List<StatusDetails> deleted =
        KubeErrors.call(
            cluster,
            () ->
                named(operation(client, kind), kind, namespace, name)
                    .withPropagationPolicy(
                        switch (propagation) {
                          case BACKGROUND -> DeletionPropagation.BACKGROUND;
                          case FOREGROUND -> DeletionPropagation.FOREGROUND;
                          case ORPHAN -> DeletionPropagation.ORPHAN;
                        })
                    .delete());
    return deleted != null && !deleted.isEmpty();
  }

  private static Resource<GenericKubernetesResource> named(
      MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> op,
      KindInfo kind,
      String namespace,
      String name) {
    return kind.namespaced() ? op.inNamespace(namespace).withName(name) : op.withName(name);
  }

  private MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>>
      operation(KubernetesClient client, KindInfo kind) {
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup(kind.group())
            .withVersion(kind.version())
            .withKind(kind.kind())
            .withPlural(kind.plural())
            .withNamespaced(kind.namespaced())
            .build();
    return client.genericKubernetesResources(context);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(
      KubernetesClient client, GenericKubernetesResource object) {
    return client.getKubernetesSerialization().convertValue(object, Map.class);
  }
}
