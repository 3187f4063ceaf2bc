package io.kubeward.resource.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterUnreachableException;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.resource.app.ResourceException;
import io.kubeward.resource.domain.KindInfo;
import java.io.IOException;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any object through the cluster's API as {@link GenericKubernetesResource}: discovery (cached a
 * minute per cluster), get, server-side apply (field manager {@value ObjectAccess#FIELD_MANAGER},
 * strict field validation) and delete. Maps the apiserver's answers to {@link ResourceException}s.
 */
public final class KubeObjects implements ObjectGateway {

  static final Duration DISCOVERY_TTL = Duration.ofMinutes(1);
  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");

  private final Function<String, Optional<KubernetesClient>> clients;
  private final Clock clock;
  private final Map<String, Discovery> discovery = new ConcurrentHashMap<>();

  private record Discovery(List<KindInfo> kinds, Instant at) {}

  /**
   * @param clients the shared client of a cluster by name, empty if there is no such cluster
   */
  public KubeObjects(Function<String, Optional<KubernetesClient>> clients, Clock clock) {
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
    KubernetesClient client = client(cluster);
    List<KindInfo> kinds = new ArrayList<>();
    call(
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
      String cluster, KindInfo kind, String namespace, String name) {
    GenericKubernetesResource object =
        call(cluster, () -> named(operation(cluster, kind), kind, namespace, name).get());
    return Optional.ofNullable(object).map(o -> toMap(cluster, o));
  }

  @Override
  public Map<String, Object> apply(
      String cluster, KindInfo kind, Map<String, Object> object, boolean dryRun, boolean force) {
    KubernetesClient client = client(cluster);
    GenericKubernetesResource resource;
    try {
      resource =
          client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    } catch (IllegalArgumentException e) { // e.g. a label whose value is no string
      String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw ResourceException.invalid("metadata cannot be read: " + reason);
    }
    GenericKubernetesResource applied =
        call(
            cluster,
            () -> {
              MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> op =
                  operation(cluster, kind);
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
    return toMap(cluster, applied);
  }

  @Override
  public boolean delete(
      String cluster, KindInfo kind, String namespace, String name, Propagation propagation) {
    List<StatusDetails> deleted =
        call(
            cluster,
            () ->
                named(operation(cluster, kind), kind, namespace, name)
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
      operation(String cluster, KindInfo kind) {
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup(kind.group())
            .withVersion(kind.version())
            .withKind(kind.kind())
            .withPlural(kind.plural())
            .withNamespaced(kind.namespaced())
            .build();
    return client(cluster).genericKubernetesResources(context);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(String cluster, GenericKubernetesResource object) {
    return client(cluster).getKubernetesSerialization().convertValue(object, Map.class);
  }

  private KubernetesClient client(String cluster) {
    return clients.apply(cluster).orElseThrow(() -> new ClusterNotFoundException(cluster));
  }

  /** Runs a request and maps the apiserver's refusals; never lets a client exception out. */
  private <T> T call(String cluster, java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw translate(cluster, e);
    }
  }

  static RuntimeException translate(String cluster, KubernetesClientException e) {
    Status status = e.getStatus();
    String message =
        status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
    int code = e.getCode();
    if (code == 500 && message != null && message.contains("failed to create typed patch object")) {
      // server-side apply reports fields of the wrong type this way
      return ResourceException.invalid(message);
    }
    if (code == 0 || code >= 500 || isConnectionFailure(e)) {
      if (code >= 500) {
        return ResourceException.refused(message);
      }
      return new ClusterUnreachableException(cluster, Instant.now(), oneLine(e));
    }
    return switch (code) {
      case 400, 422 -> ResourceException.invalid(message);
      case 404 -> ResourceException.invalid(message);
      case 409 -> ResourceException.conflict(message, managers(status, message));
      default -> ResourceException.refused(message);
    };
  }

  private static List<String> managers(Status status, String message) {
    Set<String> managers = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>();
    texts.add(message);
    if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
      for (StatusCause cause : status.getDetails().getCauses()) {
        texts.add(cause.getMessage());
      }
    }
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      Matcher matcher = MANAGER.matcher(text);
      while (matcher.find()) {
        managers.add(matcher.group(1));
      }
    }
    return List.copyOf(managers);
  }

  private static boolean isConnectionFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return text.replaceAll("\\s+", " ");
  }
}
