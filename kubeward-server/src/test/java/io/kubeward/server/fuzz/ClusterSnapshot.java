package io.kubeward.server.fuzz;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every object of every kind the admin can list — cluster-scoped ones, every namespace, and the
 * namespaced objects of the namespaces a test targets — each with a fingerprint of what a request
 * could change: the object without {@code status}, {@code resourceVersion} and {@code
 * managedFields}. Kinds that change by themselves all the time (Events, Leases, Endpoints,
 * EndpointSlices, the metrics API's NodeMetrics and PodMetrics, the Service IP allocations {@code
 * IPAddress} that other tests' deleted Services release later) are left out, as are namespaces
 * already being deleted (other test classes' leftovers going away) and the objects of namespaces
 * the test does not target (other test classes' workloads may still be settling there).
 */
public record ClusterSnapshot(Map<String, String> objects) {

  private static final Set<String> CHURNING =
      Set.of(
          "Event",
          "Lease",
          "Endpoints",
          "EndpointSlice",
          "ComponentStatus",
          "NodeMetrics",
          "PodMetrics",
          "IPAddress");

  /**
   * @param namespaces the namespaces whose objects count (every namespace itself always does)
   */
  public static ClusterSnapshot of(KubernetesClient client, Set<String> namespaces) {
    Set<String> terminating = new LinkedHashSet<>();
    client
        .namespaces()
        .list()
        .getItems()
        .forEach(
            ns -> {
              if (ns.getMetadata().getDeletionTimestamp() != null) {
                terminating.add(ns.getMetadata().getName());
              }
            });
    Map<String, String> objects = new TreeMap<>();
    for (String groupVersion : groupVersions(client)) {
      APIResourceList resources;
      try {
        resources = client.getApiResources(groupVersion);
      } catch (KubernetesClientException e) {
        continue;
      }
      if (resources == null) {
        continue;
      }
      for (APIResource resource : resources.getResources()) {
        if (resource.getName().contains("/")
            || resource.getVerbs() == null
            || !resource.getVerbs().contains("list")
            || CHURNING.contains(resource.getKind())) {
          continue;
        }
        int slash = groupVersion.indexOf('/');
        ResourceDefinitionContext context =
            new ResourceDefinitionContext.Builder()
                .withGroup(slash < 0 ? "" : groupVersion.substring(0, slash))
                .withVersion(slash < 0 ? groupVersion : groupVersion.substring(slash + 1))
                .withKind(resource.getKind())
                .withPlural(resource.getName())
                .withNamespaced(Boolean.TRUE.equals(resource.getNamespaced()))
                .build();
        List<GenericKubernetesResource> items;
        try {
          items =
              Boolean.TRUE.equals(resource.getNamespaced())
                  ? client.genericKubernetesResources(context).inAnyNamespace().list().getItems()
                  : client.genericKubernetesResources(context).list().getItems();
        } catch (KubernetesClientException e) {
          continue;
        }
        for (GenericKubernetesResource item : items) {
          String namespace = item.getMetadata().getNamespace();
          String name = item.getMetadata().getName();
          if ((namespace != null && !namespaces.contains(namespace))
              || (namespace != null && terminating.contains(namespace))
              || (resource.getKind().equals("Namespace") && terminating.contains(name))) {
            continue;
          }
          String key =
              groupVersion
                  + " "
                  + resource.getKind()
                  + " "
                  + (namespace == null ? "" : namespace + "/")
                  + name;
          objects.put(key, fingerprint(client, item));
        }
      }
    }
    return new ClusterSnapshot(Map.copyOf(objects));
  }

  /** What differs from {@code before}: added, removed and changed keys. */
  public List<String> differencesFrom(ClusterSnapshot before) {
    List<String> differences = new ArrayList<>();
    before.objects.forEach(
        (key, print) -> {
          String now = objects.get(key);
          if (now == null) {
            differences.add("removed " + key);
          } else if (!now.equals(print)) {
            differences.add("changed " + key);
          }
        });
    objects.keySet().stream()
        .filter(key -> !before.objects.containsKey(key))
        .forEach(key -> differences.add("added " + key));
    return differences;
  }

  private static List<String> groupVersions(KubernetesClient client) {
    List<String> versions = new ArrayList<>();
    versions.add("v1");
    for (APIGroup group : client.getApiGroups().getGroups()) {
      group.getVersions().forEach(v -> versions.add(v.getGroupVersion()));
    }
    return versions;
  }

  @SuppressWarnings("unchecked")
  private static String fingerprint(KubernetesClient client, GenericKubernetesResource item) {
    Map<String, Object> object =
        new TreeMap<>(client.getKubernetesSerialization().convertValue(item, Map.class));
    object.remove("status");
    if (object.get("metadata") instanceof Map<?, ?> meta) {
      Map<String, Object> metadata = new TreeMap<>((Map<String, Object>) meta);
      metadata.remove("resourceVersion");
      metadata.remove("managedFields");
      object.put("metadata", metadata);
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(
                      client
                          .getKubernetesSerialization()
                          .asJson(object)
                          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
