package io.kubeward.server.rbac;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RBAC objects of one test class on the local control plane: its own namespaces and uniquely named
 * cluster-scoped roles and bindings, all removed by {@link #delete()}.
 */
final class RbacFixture {

  static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  final String suffix =
      Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
  private final KubernetesClient kube;
  private final List<String> namespaces = new ArrayList<>();
  private final List<String> clusterRoles = new ArrayList<>();
  private final List<String> clusterRoleBindings = new ArrayList<>();

  RbacFixture(KubernetesClient kube) {
    this.kube = kube;
  }

  String name(String base) {
    return "rbx-" + base + "-" + suffix;
  }

  String namespace(String base) {
    String name = name(base);
    kube.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    namespaces.add(name);
    return name;
  }

  void serviceAccount(String namespace, String name) {
    kube.serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(groups)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }

  static PolicyRule namedRule(
      List<String> groups, List<String> resources, List<String> names, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(groups)
        .withResources(resources)
        .withResourceNames(names)
        .withVerbs(verbs)
        .build();
  }

  static Subject user(String name) {
    return new SubjectBuilder().withApiGroup(RBAC_GROUP).withKind("User").withName(name).build();
  }

  static Subject group(String name) {
    return new SubjectBuilder().withApiGroup(RBAC_GROUP).withKind("Group").withName(name).build();
  }

  static Subject serviceAccountSubject(String namespace, String name) {
    return new SubjectBuilder()
        .withKind("ServiceAccount")
        .withNamespace(namespace)
        .withName(name)
        .build();
  }

  void role(String namespace, String name, PolicyRule... rules) {
    kube.rbac()
        .roles()
        .inNamespace(namespace)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withRules(rules)
                .build())
        .create();
  }

  String clusterRole(String base, PolicyRule... rules) {
    return clusterRole(
        new ClusterRoleBuilder()
            .withNewMetadata()
            .withName(name(base))
            .endMetadata()
            .withRules(rules)
            .build());
  }

  String clusterRole(ClusterRole role) {
    kube.rbac().clusterRoles().resource(role).create();
    clusterRoles.add(role.getMetadata().getName());
    return role.getMetadata().getName();
  }

  void roleBinding(
      String namespace, String name, String roleKind, String role, Subject... subjects) {
    kube.rbac()
        .roleBindings()
        .inNamespace(namespace)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withSubjects(subjects)
                .withNewRoleRef()
                .withApiGroup(RBAC_GROUP)
                .withKind(roleKind)
                .withName(role)
                .endRoleRef()
                .build())
        .create();
  }

  String clusterRoleBinding(String base, String clusterRole, Subject... subjects) {
    ClusterRoleBinding binding =
        new ClusterRoleBindingBuilder()
            .withNewMetadata()
            .withName(name(base))
            .endMetadata()
            .withSubjects(subjects)
            .withNewRoleRef()
            .withApiGroup(RBAC_GROUP)
            .withKind("ClusterRole")
            .withName(clusterRole)
            .endRoleRef()
            .build();
    kube.rbac().clusterRoleBindings().resource(binding).create();
    clusterRoleBindings.add(binding.getMetadata().getName());
    return binding.getMetadata().getName();
  }

  void delete() {
    clusterRoleBindings.forEach(n -> kube.rbac().clusterRoleBindings().withName(n).delete());
    clusterRoles.forEach(n -> kube.rbac().clusterRoles().withName(n).delete());
    namespaces.forEach(n -> kube.namespaces().withName(n).delete());
  }
}
