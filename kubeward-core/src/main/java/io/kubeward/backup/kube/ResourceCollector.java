package io.kubeward.backup.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.backup.domain.BackupScope;
import io.kubeward.backup.domain.ObjectFailure;
import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ResourceSelection;
import io.kubeward.backup.domain.ResourceSelection.ApiResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects a backup's objects from a cluster (ADR 0041) with the client of the identity the backup
 * acts for: discovery (built-in kinds, CRDs and their custom resources), the scope applied by
 * {@link ResourceSelection}, then every resource listed page by page ({@link #PAGE_SIZE}, continue
 * tokens) and each object handed to the {@link Sink} at once, so no more than a page is held. What
 * cannot be read is a failure with the apiserver's reason (a forbidden kind names the kind), never
 * a reason to read it with other rights.
 */
public final class ResourceCollector {

  private static final Logger log = LoggerFactory.getLogger(ResourceCollector.class);

  public static final long PAGE_SIZE = 500;

  /** Where collected objects go (the archive writer, a counter). */
  public interface Sink {

    /** More objects were found (the progress' total). */
    void found(long objects);

    /** One object, {@code apiVersion} and {@code kind} set. */
    void add(ApiResource resource, ObjectRef ref, Map<String, Object> object) throws IOException;

    /** An object or a whole resource that could not be read, and why. */
    void fail(ObjectFailure failure) throws IOException;

    /**
     * A kind the scope did not name and the identity may not list: left out, as {@code kubectl get
     * all} leaves out what a person cannot see; not a failure.
     */
    void skip(ObjectFailure kind);
  }

  private final KubernetesClient client;
  private final long pageSize;

  public ResourceCollector(KubernetesClient client) {
    this(client, PAGE_SIZE);
  }

  ResourceCollector(KubernetesClient client, long pageSize) {
    this.client = client;
    this.pageSize = pageSize;
  }

  /** Discovery: every served resource in the preferred version of its group. */
  public List<ApiResource> discover() {
    List<ApiResource> all = new ArrayList<>();
    addResources("", "v1", all);
    for (APIGroup group : client.getApiGroups().getGroups()) {
      String preferred =
          group.getPreferredVersion() != null
              ? group.getPreferredVersion().getVersion()
              : group.getVersions().get(0).getVersion();
      addResources(group.getName(), preferred, all);
    }
    return all;
  }

  private void addResources(String group, String version, List<ApiResource> into) {
    APIResourceList list;
    try {
      list = client.getApiResources(group.isEmpty() ? version : group + "/" + version);
    } catch (KubernetesClientException e) {
      log.debug("discovery of {}/{} failed: {}", group, version, e.getMessage());
      return; // an aggregated API that is down must not hide the others
    }
    if (list == null || list.getResources() == null) {
      return;
    }
    for (APIResource r : list.getResources()) {
      if (r.getName().contains("/")) {
        continue;
      }
      into.add(
          new ApiResource(
              group,
              version,
              r.getName(),
              r.getSingularName(),
              r.getKind(),
              Boolean.TRUE.equals(r.getNamespaced()),
              r.getShortNames(),
              r.getVerbs()));
    }
  }

  /** Collects everything in {@code scope} into {@code sink}. */
  public void collect(BackupScope scope, Sink sink) throws IOException {
    List<ApiResource> selected = ResourceSelection.select(discover(), scope);
    if (!scope.namespaces().isEmpty() && !scope.takesClusterResources()) {
      namespaceObjects(scope, sink);
    }
    for (ApiResource r : selected) {
      if (Thread.currentThread().isInterrupted()) {
        throw new IOException("interrupted");
      }
      if (!r.namespaced() || scope.namespaces().isEmpty()) {
        list(r, null, scope, sink);
      } else {
        for (String ns : scope.namespaces()) {
          if (ResourceSelection.takesNamespace(ns, scope)) {
            list(r, ns, scope, sink);
          }
        }
      }
    }
  }

  /** The Namespace objects of the namespaces named (restoring needs their labels). */
  private void namespaceObjects(BackupScope scope, Sink sink) throws IOException {
    ApiResource namespaces =
        new ApiResource(
            "", "v1", "namespaces", "namespace", "Namespace", false, List.of("ns"), List.of());
    for (String ns : scope.namespaces()) {
      if (!ResourceSelection.takesNamespace(ns, scope)) {
        continue;
      }
      ObjectRef ref = new ObjectRef("v1", "Namespace", null, ns);
      try {
        var object = client.namespaces().withName(ns).get();
        if (object == null) {
          sink.fail(new ObjectFailure(ref, "not found"));
          continue;
        }
        sink.found(1);
        sink.add(namespaces, ref, toMap(object, namespaces));
      } catch (KubernetesClientException e) {
        sink.fail(new ObjectFailure(ref, reason(e)));
      }
    }
  }

  private void list(ApiResource r, @Nullable String namespace, BackupScope scope, Sink sink)
      throws IOException {
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup(r.group())
            .withVersion(r.version())
            .withKind(r.kind())
            .withPlural(r.plural())
            .withNamespaced(r.namespaced())
            .build();
    String continueToken = null;
    boolean first = true;
    do {
      GenericKubernetesResourceList page;
      try {
        var options =
            new ListOptionsBuilder()
                .withLimit(pageSize)
                .withContinue(continueToken)
                .withLabelSelector(
                    scope.labelSelector() == null || scope.labelSelector().isBlank()
                        ? null
                        : scope.labelSelector())
                .build();
        var resources = client.genericKubernetesResources(context);
        page =
            !r.namespaced()
                ? resources.list(options)
                : namespace == null
                    ? resources.inAnyNamespace().list(options)
                    : resources.inNamespace(namespace).list(options);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 410 && continueToken != null) {
          // the continue token expired: the rest of this kind is missing, say so
          sink.fail(
              new ObjectFailure(
                  kindRef(r, namespace),
                  "the list of " + r.qualifiedName() + " expired before it was read to the end"));
          return;
        }
        if (e.getCode() == 403 && !ResourceSelection.asked(r, scope)) {
          sink.skip(new ObjectFailure(kindRef(r, namespace), reason(e)));
        } else {
          sink.fail(new ObjectFailure(kindRef(r, namespace), reason(e)));
        }
        return;
      }
      List<GenericKubernetesResource> items = page.getItems();
      Long remaining =
          page.getMetadata() == null ? null : page.getMetadata().getRemainingItemCount();
      sink.found(items.size() + (first && remaining != null ? remaining : 0));
      first = false;
      for (GenericKubernetesResource item : items) {
        String ns = item.getMetadata().getNamespace();
        if (r.namespaced() && ns != null && !ResourceSelection.takesNamespace(ns, scope)) {
          continue;
        }
        ObjectRef ref =
            new ObjectRef(
                r.apiVersion(), r.kind(), r.namespaced() ? ns : null, item.getMetadata().getName());
        try {
          sink.add(r, ref, toMap(item, r));
        } catch (IllegalArgumentException e) {
          sink.fail(new ObjectFailure(ref, "could not be written: " + e.getMessage()));
        }
      }
      continueToken = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (continueToken != null && !continueToken.isEmpty());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(Object object, ApiResource r) {
    Map<String, Object> map =
        new LinkedHashMap<>(client.getKubernetesSerialization().convertValue(object, Map.class));
    map.put("apiVersion", r.apiVersion());
    map.put("kind", r.kind());
    return map;
  }

  /** A whole kind (in a namespace, or everywhere) as a failure's object: name {@code *}. */
  static ObjectRef kindRef(ApiResource r, @Nullable String namespace) {
    return new ObjectRef(r.apiVersion(), r.kind(), r.namespaced() ? namespace : null, "*");
  }

  static String reason(KubernetesClientException e) {
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    String text = (e.getCode() == 403 ? "forbidden: " : "") + (message == null ? "" : message);
    if (e.getCode() == 403 && message != null && message.contains("forbidden")) {
      text = message;
    }
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }
}
