package io.kubeward.rbac.kube;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.rbac.app.RbacReader;
import io.kubeward.rbac.domain.RbacBinding;
import io.kubeward.rbac.domain.RbacRole;
import io.kubeward.rbac.domain.RbacRule;
import io.kubeward.rbac.domain.RbacSnapshot;
import io.kubeward.rbac.domain.RbacSubject;
import io.kubeward.rbac.domain.RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lists the four RBAC kinds as the caller and maps them to the pure model. */
public final class KubeRbacReader implements RbacReader {

  private final ClusterClients clients;

  public KubeRbacReader(ClusterClients clients) {
    this.clients = clients;
  }

  @Override
  public RbacSnapshot read(Caller caller, String cluster) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    return KubeErrors.call(cluster, () -> snapshot(client));
  }

  /** The snapshot of what {@code client} may list. */
  public static RbacSnapshot snapshot(KubernetesClient client) {
    List<RbacRole> roles = new ArrayList<>();
    for (ClusterRole r : client.rbac().clusterRoles().list().getItems()) {
      roles.add(new RbacRole(null, r.getMetadata().getName(), rules(r.getRules())));
    }
    for (Role r : client.rbac().roles().inAnyNamespace().list().getItems()) {
      ObjectMeta m = r.getMetadata();
      roles.add(new RbacRole(m.getNamespace(), m.getName(), rules(r.getRules())));
    }
    List<RbacBinding> bindings = new ArrayList<>();
    for (ClusterRoleBinding b : client.rbac().clusterRoleBindings().list().getItems()) {
      bindings.add(
          new RbacBinding(
              null,
              b.getMetadata().getName(),
              new RoleRef(b.getRoleRef().getKind(), b.getRoleRef().getName()),
              subjects(b.getSubjects())));
    }
    for (RoleBinding b : client.rbac().roleBindings().inAnyNamespace().list().getItems()) {
      ObjectMeta m = b.getMetadata();
      bindings.add(
          new RbacBinding(
              m.getNamespace(),
              m.getName(),
              new RoleRef(b.getRoleRef().getKind(), b.getRoleRef().getName()),
              subjects(b.getSubjects())));
    }
    return new RbacSnapshot(roles, bindings);
  }

  static List<RbacRule> rules(List<PolicyRule> rules) {
    if (rules == null) {
      return List.of();
    }
    return rules.stream()
        .map(
            r ->
                new RbacRule(
                    r.getApiGroups(),
                    r.getResources(),
                    r.getResourceNames(),
                    r.getVerbs(),
                    r.getNonResourceURLs()))
        .toList();
  }

  static List<RbacSubject> subjects(List<Subject> subjects) {
    if (subjects == null) {
      return List.of();
    }
    return subjects.stream()
        .map(
            s -> {
              RbacSubject.Kind kind = RbacSubject.Kind.fromKube(s.getKind());
              return kind == null ? null : new RbacSubject(kind, s.getName(), s.getNamespace());
            })
        .filter(Objects::nonNull)
        .toList();
  }
}
