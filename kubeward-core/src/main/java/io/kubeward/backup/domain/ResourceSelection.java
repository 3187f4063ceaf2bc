package io.kubeward.backup.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which of a cluster's API resources a backup lists, from discovery and a {@link BackupScope} (ADR
 * 0041). Pure.
 *
 * <p>Never taken unless named in {@code resources}: Events, Nodes, Endpoints and EndpointSlices
 * (they describe a running cluster, and controllers rewrite them), metrics, and Kubeward's own
 * Backups, BackupSchedules and Restores (restoring one would run it again). Secrets only with
 * {@code includeSecrets}, even when named.
 */
public final class ResourceSelection {

  /** One served resource, as discovery lists it (preferred version of its group). */
  public record ApiResource(
      String group,
      String version,
      String plural,
      String singular,
      String kind,
      boolean namespaced,
      List<String> shortNames,
      List<String> verbs) {

    public ApiResource {
      shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
      verbs = verbs == null ? List.of() : List.copyOf(verbs);
      singular = singular == null ? "" : singular;
    }

    public String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    /** The name kubectl gives it: {@code configmaps}, {@code deployments.apps}. */
    public String qualifiedName() {
      return group.isEmpty() ? plural : plural + "." + group;
    }

    /** The key of its counts: {@code ConfigMap}, {@code Deployment.apps}. */
    public String countKey() {
      return group.isEmpty() ? kind : kind + "." + group;
    }

    /** Whether {@code name} (as a user writes it to kubectl) names this resource. */
    public boolean named(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.equals(qualifiedName())
          || n.equals(plural)
          || n.equals(kind.toLowerCase(Locale.ROOT))) {
        return true;
      }
      if (!singular.isEmpty() && (n.equals(singular) || n.equals(singular + "." + group))) {
        return true;
      }
      return shortNames.contains(n) || n.equals(kind.toLowerCase(Locale.ROOT) + "." + group);
    }

    public boolean custom() {
      return ResourceSelection.custom(group);
    }
  }

  static final Set<String> NEVER_BY_DEFAULT =
      Set.of(
          "events",
          "events.events.k8s.io",
          "nodes",
          "endpoints",
          "endpointslices.discovery.k8s.io",
          "backups.kubeward.io",
          "backupschedules.kubeward.io",
          "restores.kubeward.io");

  private ResourceSelection() {}

  /** Whether a group is served by CRDs (or an aggregated API), not by Kubernetes itself. */
  public static boolean custom(String group) {
    return group.contains(".") && !group.endsWith(".k8s.io") && !group.equals("k8s.io");
  }

  /** The resources to list, in discovery order. */
  public static List<ApiResource> select(List<ApiResource> discovered, BackupScope scope) {
    List<ApiResource> taken = new ArrayList<>();
    for (ApiResource r : discovered) {
      if (takes(r, scope)) {
        taken.add(r);
      }
    }
    return taken;
  }

  static boolean takes(ApiResource r, BackupScope scope) {
    if (!r.verbs().contains("list") || r.plural().contains("/")) {
      return false;
    }
    if (r.group().equals("metrics.k8s.io")) {
      return false;
    }
    boolean named = scope.resources().stream().anyMatch(r::named);
    if (!scope.resources().isEmpty() && !named) {
      return false;
    }
    if (scope.excludedResources().stream().anyMatch(r::named)) {
      return false;
    }
    if (!named && NEVER_BY_DEFAULT.contains(r.qualifiedName())) {
      return false;
    }
    if (r.qualifiedName().equals("secrets") && !scope.takesSecrets()) {
      return false;
    }
    boolean crd = r.qualifiedName().equals("customresourcedefinitions.apiextensions.k8s.io");
    if ((r.custom() || crd) && !scope.takesCustomResources()) {
      return false;
    }
    if (!r.namespaced()) {
      // the Namespace objects of the namespaces taken are added by the collector
      return scope.takesClusterResources() || (named && !r.qualifiedName().equals("namespaces"));
    }
    return true;
  }

  /**
   * Whether the scope asks for {@code r} by name (in {@code resources}, or Secrets with {@code
   * includeSecrets}): then not being allowed to list it is a failure, else the kind is skipped.
   */
  public static boolean asked(ApiResource r, BackupScope scope) {
    if (r.qualifiedName().equals("secrets") && scope.takesSecrets()) {
      return true;
    }
    return scope.resources().stream().anyMatch(r::named);
  }

  /** Whether objects of {@code namespace} are taken. */
  public static boolean takesNamespace(String namespace, BackupScope scope) {
    if (scope.excludedNamespaces().contains(namespace)) {
      return false;
    }
    return scope.namespaces().isEmpty() || scope.namespaces().contains(namespace);
  }
}
