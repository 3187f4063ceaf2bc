package io.kubeward.tenancy.domain;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.LimitRangeItemBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The desired objects of a team space, built purely from a request and its template, namespace
 * first: Namespace (Pod Security Admission labels), ResourceQuota, LimitRange, NetworkPolicies
 * (default deny both ways; DNS egress to kube-system on port 53 UDP and TCP; traffic within the
 * namespace) and the team's RoleBinding.
 */
public final class TeamSpacePlan {

  public static final String TEAM_LABEL = "kubeward.io/team-space";
  public static final String QUOTA = "team-quota";
  public static final String LIMITS = "team-limits";
  public static final String DENY = "default-deny";
  public static final String ALLOW_DNS = "allow-dns-egress";
  public static final String ALLOW_NAMESPACE = "allow-same-namespace";
  private static final String PSA = "pod-security.kubernetes.io/";

  private TeamSpacePlan() {}

  public static List<HasMetadata> objects(TeamSpaceRequest request, TeamTemplate template) {
    PsaLevel level =
        request.podSecurity() == null || request.podSecurity().isBlank()
            ? template.podSecurity()
            : PsaLevel.parse(request.podSecurity());
    String role = request.teamRole() == null ? template.teamRole() : request.teamRole();
    if (!TeamTemplate.ROLES.contains(role)) {
      throw TenancyException.invalid("teamRole", "one of admin, edit, view");
    }
    Map<String, String> hard = new TreeMap<>(template.quotaHard());
    hard.putAll(request.quotaOverrides());
    String ns = request.name();
    List<HasMetadata> out = new ArrayList<>();
    out.add(namespace(ns, template.name(), level, template.podSecurityVersion()));
    if (!hard.isEmpty()) {
      out.add(quota(ns, hard));
    }
    if (!template.limitRange().equals(LimitRangeSpec.NONE)) {
      out.add(limitRange(ns, template.limitRange()));
    }
    if (template.defaultDeny()) {
      out.addAll(networkPolicies(ns));
    }
    out.add(roleBinding(ns, role, request.users(), request.groups()));
    return out;
  }

  static Namespace namespace(String name, String template, PsaLevel level, String version) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(TEAM_LABEL, template);
    for (String mode : List.of("enforce", "audit", "warn")) {
      labels.put(PSA + mode, level.label());
      labels.put(PSA + mode + "-version", version);
    }
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  public static ResourceQuota quota(String namespace, Map<String, String> hard) {
    return new ResourceQuotaBuilder()
        .withNewMetadata()
        .withName(QUOTA)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withHard(quantities(hard))
        .endSpec()
        .build();
  }

  public static LimitRange limitRange(String namespace, LimitRangeSpec spec) {
    LimitRangeItem item =
        new LimitRangeItemBuilder()
            .withType("Container")
            .withDefault(quantities(spec.defaultLimits()))
            .withDefaultRequest(quantities(spec.defaultRequests()))
            .withMin(quantities(spec.min()))
            .withMax(quantities(spec.max()))
            .withMaxLimitRequestRatio(quantities(spec.maxLimitRequestRatio()))
            .build();
    return new LimitRangeBuilder()
        .withNewMetadata()
        .withName(LIMITS)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withLimits(item)
        .endSpec()
        .build();
  }

  static List<NetworkPolicy> networkPolicies(String ns) {
    NetworkPolicy deny =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName(DENY)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .withPolicyTypes("Ingress", "Egress")
            .endSpec()
            .build();
    NetworkPolicy dns =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName(ALLOW_DNS)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .withPolicyTypes("Egress")
            .addNewEgress()
            .withTo(
                new NetworkPolicyPeerBuilder()
                    .withNewNamespaceSelector()
                    .withMatchLabels(Map.of("kubernetes.io/metadata.name", "kube-system"))
                    .endNamespaceSelector()
                    .build())
            .withPorts(
                new NetworkPolicyPortBuilder()
                    .withProtocol("UDP")
                    .withPort(new IntOrString(53))
                    .build(),
                new NetworkPolicyPortBuilder()
                    .withProtocol("TCP")
                    .withPort(new IntOrString(53))
                    .build())
            .endEgress()
            .endSpec()
            .build();
    NetworkPolicy same =
        new NetworkPolicyBuilder()
            .withNewMetadata()
            .withName(ALLOW_NAMESPACE)
            .withNamespace(ns)
            .endMetadata()
            .withNewSpec()
            .withNewPodSelector()
            .endPodSelector()
            .withPolicyTypes("Ingress", "Egress")
            .addNewIngress()
            .withFrom(new NetworkPolicyPeerBuilder().withNewPodSelector().endPodSelector().build())
            .endIngress()
            .addNewEgress()
            .withTo(new NetworkPolicyPeerBuilder().withNewPodSelector().endPodSelector().build())
            .endEgress()
            .endSpec()
            .build();
    return List.of(deny, dns, same);
  }

  static RoleBinding roleBinding(String ns, String role, List<String> users, List<String> groups) {
    List<Subject> subjects = new ArrayList<>();
    for (String user : users) {
      subjects.add(
          new SubjectBuilder()
              .withKind("User")
              .withApiGroup("rbac.authorization.k8s.io")
              .withName(user)
              .build());
    }
    for (String group : groups) {
      subjects.add(
          new SubjectBuilder()
              .withKind("Group")
              .withApiGroup("rbac.authorization.k8s.io")
              .withName(group)
              .build());
    }
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName("team-" + role)
        .withNamespace(ns)
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole")
        .withName(role)
        .endRoleRef()
        .withSubjects(subjects)
        .build();
  }

  private static Map<String, Quantity> quantities(Map<String, String> values) {
    Map<String, Quantity> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, new Quantity(v)));
    return out;
  }
}
