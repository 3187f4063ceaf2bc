package io.kubeward.backup.kube.restore;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.backup.app.restore.RestoreCluster;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.resource.domain.KindInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link RestoreCluster} over a client of the identity the restore acts as (impersonated): reads,
 * SelfSubjectAccessReviews, creates and server-side applies (field manager {@value
 * RestoreCluster#FIELD_MANAGER}); the apiserver's answers become {@link Write}s, never exceptions.
 * Discovery is read once and again when a kind is unknown (at most every two seconds).
 */
public final class KubeRestoreCluster implements RestoreCluster {

  private static final Duration REDISCOVER = Duration.ofSeconds(2);

  private final KubernetesClient client;
  private final Clock clock;
  private volatile List<KindInfo> kinds;
  private volatile Instant discoveredAt = Instant.MIN;

  public KubeRestoreCluster(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public Optional<KindInfo> resolve(String apiVersion, String kind) {
    Optional<KindInfo> found = find(apiVersion, kind);
    if (found.isEmpty() && discoveredAt.plus(REDISCOVER).isBefore(clock.instant())) {
      discover();
      found = find(apiVersion, kind);
    }
    return found;
  }

  private Optional<KindInfo> find(String apiVersion, String kind) {
    List<KindInfo> known = kinds;
    if (known == null) {
      known = discover();
    }
    return known.stream()
        .filter(k -> k.apiVersion().equals(apiVersion) && k.kind().equals(kind))
        .findFirst();
  }

  private synchronized List<KindInfo> discover() {
    List<KindInfo> found = new ArrayList<>();
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
        if (!resource.getName().contains("/")) {
          found.add(
              new KindInfo(
                  group,
                  version,
                  resource.getKind(),
                  resource.getName(),
                  Boolean.TRUE.equals(resource.getNamespaced()),
                  resource.getVerbs() == null ? List.of() : List.copyOf(resource.getVerbs())));
        }
      }
    }
    kinds = List.copyOf(found);
    discoveredAt = clock.instant();
    return kinds;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Lookup get(KindInfo kind, ObjectRef target) {
    try {
      GenericKubernetesResource found = named(kind, target.namespace(), target.name()).get();
      return found == null
          ? Lookup.absent()
          : Lookup.exists(client.getKubernetesSerialization().convertValue(found, Map.class));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Lookup.absent();
      }
      if (e.getCode() == 403) {
        return Lookup.forbidden(KubeErrors.message(e));
      }
      throw e;
    }
  }

  @Override
  public boolean may(String verb, KindInfo kind, @Nullable String namespace) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withVerb(verb)
            .withGroup(kind.group())
            .withResource(kind.plural())
            .withNamespace(kind.namespaced() ? namespace : null)
            .endResourceAttributes()
            .endSpec()
            .build();
    SelfSubjectAccessReview answer =
        client.authorization().v1().selfSubjectAccessReview().create(review);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  @Override
  public Write create(KindInfo kind, Map<String, Object> object) {
    try {
      GenericKubernetesResource resource = resource(object);
      operation(kind, resource).create();
      return Write.OK;
    } catch (KubernetesClientException e) {
      return new Write(e.getCode() == 0 ? 500 : e.getCode(), KubeErrors.message(e));
    } catch (IllegalArgumentException e) {
      return new Write(400, "the archived object cannot be read: " + e.getMessage());
    }
  }

  @Override
  public Write apply(KindInfo kind, Map<String, Object> object, boolean dryRun) {
    try {
      GenericKubernetesResource resource = resource(object);
      operation(kind, resource)
          .dryRun(dryRun)
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
      return Write.OK;
    } catch (KubernetesClientException e) {
      return new Write(e.getCode() == 0 ? 500 : e.getCode(), KubeErrors.message(e));
    } catch (IllegalArgumentException e) {
      return new Write(400, "the archived object cannot be read: " + e.getMessage());
    }
  }

  @Override
  public boolean established(String crdName) {
    try {
      CustomResourceDefinition crd =
          client.apiextensions().v1().customResourceDefinitions().withName(crdName).get();
      return crd != null
          && crd.getStatus() != null
          && crd.getStatus().getConditions() != null
          && crd.getStatus().getConditions().stream()
              .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return true; // the identity may create CRDs but not read them: discovery will tell
      }
      throw e;
    }
  }

  private GenericKubernetesResource resource(Map<String, Object> object) {
    return client
        .getKubernetesSerialization()
        .convertValue(object, GenericKubernetesResource.class);
  }

  private Resource<GenericKubernetesResource> operation(
      KindInfo kind, GenericKubernetesResource resource) {
    MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> op =
        client.genericKubernetesResources(context(kind));
    return kind.namespaced()
        ? op.inNamespace(resource.getMetadata().getNamespace()).resource(resource)
        : op.resource(resource);
  }

  private Resource<GenericKubernetesResource> named(
      KindInfo kind, @Nullable String namespace, String name) {
    MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> op =
        client.genericKubernetesResources(context(kind));
    return kind.namespaced() ? op.inNamespace(namespace).withName(name) : op.withName(name);
  }

  private static ResourceDefinitionContext context(KindInfo kind) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(kind.group())
        .withVersion(kind.version())
        .withKind(kind.kind())
        .withPlural(kind.plural())
        .withNamespaced(kind.namespaced())
        .build();
  }
}
