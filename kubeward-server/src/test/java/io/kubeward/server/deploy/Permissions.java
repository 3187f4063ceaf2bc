package io.kubeward.server.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * RBAC rules flattened to single permissions, so two sets of manifests can be compared whatever way
 * their rules are grouped: a ClusterRole's {@code get,list pods} and another's {@code list pods}
 * are the same two permissions. The namespace of the installation is written {@code <ns>} (in
 * namespaced permissions and in {@code resourceNames}), so {@code kubeward-system} in the plain
 * manifest and a release's namespace in the chart compare equal.
 */
final class Permissions {

  static final String NS = "<ns>";

  /** One permission: {@code scope} is {@code cluster} or {@code <ns>}; "" name = any name. */
  record Permission(String scope, String group, String resource, String name, String verb)
      implements Comparable<Permission> {

    boolean coveredBy(Set<Permission> granted) {
      return granted.contains(this)
          || granted.contains(new Permission(scope, group, resource, "", verb));
    }

    @Override
    public int compareTo(Permission o) {
      return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
      return scope + " " + verb + " " + group + "/" + resource + (name.isEmpty() ? "" : "/" + name);
    }
  }

  private Permissions() {}

  /**
   * What the service account {@code namespace/name} is granted by the bindings in {@code objects}.
   */
  static Set<Permission> ofServiceAccount(
      List<HasMetadata> objects, String namespace, String name) {
    Set<Permission> out = new TreeSet<>();
    for (HasMetadata o : objects) {
      if (o instanceof ClusterRoleBinding b && boundTo(b.getSubjects(), namespace, name)) {
        out.addAll(
            of(
                rulesOf(objects, "ClusterRole", b.getRoleRef().getName(), null),
                "cluster",
                namespace));
      }
      if (o instanceof RoleBinding b && boundTo(b.getSubjects(), namespace, name)) {
        out.addAll(
            of(
                rulesOf(objects, b.getRoleRef().getKind(), b.getRoleRef().getName(), namespace),
                NS,
                namespace));
      }
    }
    return out;
  }

  /** What the ClusterRoles labelled {@code label: "true"} (aggregation) grant together. */
  static Set<Permission> ofAggregation(List<HasMetadata> objects, String label) {
    Set<Permission> out = new TreeSet<>();
    for (HasMetadata o : objects) {
      Map<String, String> labels = o.getMetadata().getLabels();
      if (o instanceof ClusterRole r && labels != null && "true".equals(labels.get(label))) {
        out.addAll(of(r.getRules(), "cluster", null));
      }
    }
    return out;
  }

  /** Every rule of every Role and ClusterRole in {@code objects}. */
  static List<PolicyRule> allRules(List<HasMetadata> objects) {
    return objects.stream()
        .flatMap(
            o ->
                o instanceof ClusterRole c
                    ? c.getRules().stream()
                    : o instanceof Role r ? r.getRules().stream() : java.util.stream.Stream.empty())
        .toList();
  }

  private static boolean boundTo(List<Subject> subjects, String namespace, String name) {
    return subjects != null
        && subjects.stream()
            .anyMatch(
                s ->
                    "ServiceAccount".equals(s.getKind())
                        && name.equals(s.getName())
                        && namespace.equals(s.getNamespace()));
  }

  private static List<PolicyRule> rulesOf(
      List<HasMetadata> objects, String kind, String name, String namespace) {
    for (HasMetadata o : objects) {
      if (!o.getKind().equals(kind) || !o.getMetadata().getName().equals(name)) {
        continue;
      }
      if (o instanceof ClusterRole c) {
        return c.getRules();
      }
      if (o instanceof Role r && Objects.equals(r.getMetadata().getNamespace(), namespace)) {
        return r.getRules();
      }
    }
    throw new AssertionError("no " + kind + " " + name + " for a binding of it");
  }

  private static Set<Permission> of(List<PolicyRule> rules, String scope, String namespace) {
    Set<Permission> out = new TreeSet<>();
    for (PolicyRule rule : rules) {
      for (String verb : rule.getVerbs()) {
        if (rule.getNonResourceURLs() != null && !rule.getNonResourceURLs().isEmpty()) {
          for (String url : rule.getNonResourceURLs()) {
            out.add(new Permission(scope, "nonResourceURL", url, "", verb));
          }
          continue;
        }
        List<String> names =
            rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                ? List.of("")
                : rule.getResourceNames();
        for (String group : rule.getApiGroups()) {
          for (String resource : rule.getResources()) {
            for (String n : names) {
              String name = namespace != null && n.equals(namespace) ? NS : n;
              out.add(new Permission(scope, group, resource, name, verb));
            }
          }
        }
      }
    }
    return out;
  }
}
