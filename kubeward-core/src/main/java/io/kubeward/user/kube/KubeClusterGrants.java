package io.kubeward.user.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.common.KubewardException;
import io.kubeward.user.app.ClusterGrants;
import io.kubeward.user.domain.GrantBindings;
import io.kubeward.user.domain.GrantBindings.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Grant bindings through a cluster's RBAC API, as the caller: RoleBindings and ClusterRoleBindings
 * labelled {@code app.kubernetes.io/managed-by=}{@value GrantBindings#MANAGED_BY} and annotated
 * with the Kubeward user, written by server-side apply (field manager {@value #FIELD_MANAGER}),
 * together with the two ClusterRoles for what the namespace roles leave out.
 */
public final class KubeClusterGrants implements ClusterGrants {

  static final String FIELD_MANAGER = "kubeward-grants";
  private static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private final ClusterRegistry registry;
  private final ClusterClients clients;

  public KubeClusterGrants(ClusterRegistry registry, ClusterClients clients) {
    this.registry = registry;
    this.clients = clients;
  }

  @Override
  public List<String> clusters() {
    return registry.all().stream().map(ManagedCluster::name).sorted().toList();
  }

  @Override
  public Sync sync(Caller caller, String cluster, String username, List<Binding> desired) {
    try {
      KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.WRITE);
      List<Binding> current = current(client, cluster, username);
      List<String> created = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      if (desired.stream().anyMatch(b -> b.clusterRole().startsWith("kubeward:"))) {
        KubeErrors.run(cluster, () -> applyRoles(client));
      }
      for (Binding binding : desired) {
        if (!current.contains(binding)) {
          KubeErrors.run(cluster, () -> apply(client, binding));
          created.add(describe(binding));
        }
      }
      for (Binding binding : current) {
        if (!desired.contains(binding)) {
          KubeErrors.run(cluster, () -> delete(client, binding));
          removed.add(describe(binding));
        }
      }
      return new Sync(cluster, created, removed, null);
    } catch (KubewardException e) {
      return Sync.failed(cluster, e.getMessage());
    }
  }

  @Override
  public List<Binding> current(Caller caller, String cluster, String username) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    return current(client, cluster, username);
  }

  private List<Binding> current(KubernetesClient client, String cluster, String username) {
    List<Binding> bindings = new ArrayList<>();
    KubeErrors.run(
        cluster,
        () -> {
          for (RoleBinding binding :
              client
                  .rbac()
                  .roleBindings()
                  .inAnyNamespace()
                  .withLabel(MANAGED_BY_LABEL, GrantBindings.MANAGED_BY)
                  .list()
                  .getItems()) {
            if (username.equals(userOf(binding))) {
              bindings.add(
                  new Binding(
                      binding.getMetadata().getNamespace(),
                      binding.getMetadata().getName(),
                      binding.getRoleRef().getName(),
                      username));
            }
          }
          for (ClusterRoleBinding binding :
              client
                  .rbac()
                  .clusterRoleBindings()
                  .withLabel(MANAGED_BY_LABEL, GrantBindings.MANAGED_BY)
                  .list()
                  .getItems()) {
            if (username.equals(userOf(binding))) {
              bindings.add(
                  new Binding(
                      null,
                      binding.getMetadata().getName(),
                      binding.getRoleRef().getName(),
                      username));
            }
          }
        });
    return bindings;
  }

  private static void apply(KubernetesClient client, Binding binding) {
    Subject subject = new Subject(RBAC_GROUP, "User", binding.subject(), null);
    RoleRef role = new RoleRef(RBAC_GROUP, "ClusterRole", binding.clusterRole());
    if (binding.clusterWide()) {
      ClusterRoleBinding object =
          new ClusterRoleBindingBuilder()
              .withMetadata(metadata(binding))
              .withSubjects(subject)
              .withRoleRef(role)
              .build();
      client
          .rbac()
          .clusterRoleBindings()
          .resource(object)
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    } else {
      RoleBinding object =
          new RoleBindingBuilder()
              .withMetadata(metadata(binding))
              .withSubjects(subject)
              .withRoleRef(role)
              .build();
      client
          .rbac()
          .roleBindings()
          .inNamespace(binding.namespace())
          .resource(object)
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }
  }

  private static void delete(KubernetesClient client, Binding binding) {
    if (binding.clusterWide()) {
      client.rbac().clusterRoleBindings().withName(binding.name()).delete();
    } else {
      client
          .rbac()
          .roleBindings()
          .inNamespace(binding.namespace())
          .withName(binding.name())
          .delete();
    }
  }

  private static ObjectMeta metadata(Binding binding) {
    return new ObjectMetaBuilder()
        .withName(binding.name())
        .withNamespace(binding.namespace())
        .withLabels(Map.of(MANAGED_BY_LABEL, GrantBindings.MANAGED_BY))
        .withAnnotations(Map.of(GrantBindings.USER_ANNOTATION, binding.username()))
        .build();
  }

  private static String userOf(HasMetadata binding) {
    Map<String, String> annotations = binding.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(GrantBindings.USER_ANNOTATION);
  }

  private static String describe(Binding binding) {
    return (binding.clusterWide()
            ? "ClusterRoleBinding "
            : "RoleBinding " + binding.namespace() + "/")
        + binding.name()
        + " → "
        + binding.clusterRole();
  }

  /** The two ClusterRoles of cluster-wide viewers and operators (ADR 0013). */
  static void applyRoles(KubernetesClient client) {
    for (ClusterRole role : List.of(clusterViewer(), clusterOperator())) {
      client
          .rbac()
          .clusterRoles()
          .resource(role)
          .fieldManager(FIELD_MANAGER)
          .forceConflicts()
          .serverSideApply();
    }
  }

  static ClusterRole clusterViewer() {
    return role(GrantBindings.CLUSTER_VIEWER, readRules());
  }

  static ClusterRole clusterOperator() {
    List<PolicyRule> rules = new ArrayList<>(readRules());
    rules.add(rule("", List.of("nodes"), "patch", "update"));
    rules.add(rule("", List.of("pods/eviction"), "create"));
    rules.add(rule("", List.of("pods"), "delete"));
    rules.add(
        rule("kubeward.io", List.of("nodemaintenances"), "create", "update", "patch", "delete"));
    return role(GrantBindings.CLUSTER_OPERATOR, rules);
  }

  private static List<PolicyRule> readRules() {
    List<PolicyRule> rules = new ArrayList<>();
    rules.add(
        rule("", List.of("nodes", "namespaces", "persistentvolumes"), "get", "list", "watch"));
    rules.add(rule("storage.k8s.io", List.of("storageclasses"), "get", "list", "watch"));
    rules.add(
        rule("apiextensions.k8s.io", List.of("customresourcedefinitions"), "get", "list", "watch"));
    rules.add(rule("coordination.k8s.io", List.of("leases"), "get", "list", "watch"));
    rules.add(rule("kubeward.io", List.of("nodemaintenances"), "get", "list", "watch"));
    // live usage (ADR 0019): node metrics are cluster-scoped, so no namespace role gives them
    rules.add(rule("metrics.k8s.io", List.of("nodes", "pods"), "get", "list"));
    return List.copyOf(rules);
  }

  private static PolicyRule rule(String group, List<String> resources, String... verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }

  private static ClusterRole role(String name, List<PolicyRule> rules) {
    return new ClusterRoleBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(Map.of(MANAGED_BY_LABEL, GrantBindings.MANAGED_BY))
        .endMetadata()
        .withRules(rules)
        .build();
  }
}
