package io.kubeward.sso.domain;

import io.kubeward.access.domain.Grant;
import io.kubeward.common.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pure rules of single sign-on: which Kubeward user name a claim becomes, which groups a claim
 * holds, and what those groups give through the configured {@link GroupMapping}s.
 */
public final class SsoMapping {

  /** The most groups read from one token; more is refused rather than cut silently. */
  public static final int MAX_GROUPS = 256;

  /** The longest group name read from a token or configured. */
  public static final int MAX_GROUP_LENGTH = 256;

  /**
   * A Kubernetes group a mapping may add: printable, no spaces or commas, and not one of
   * Kubernetes' own {@code system:} groups or Kubeward's {@code kubeward:} groups (which would
   * widen every impersonated request).
   */
  private static final Pattern KUBE_GROUP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,252}");

  private SsoMapping() {}

  /**
   * The Kubeward user name for a username claim: stripped and lower-cased, then it must satisfy
   * Kubeward's user-name rules ({@link Names#isUsername}); nothing is rewritten further, so two
   * people can never end up as one user.
   */
  public static Optional<String> username(Object claim) {
    if (!(claim instanceof String value)) {
      return Optional.empty();
    }
    String name = value.strip().toLowerCase(Locale.ROOT);
    return Names.isUsername(name) ? Optional.of(name) : Optional.empty();
  }

  /**
   * The groups of a groups claim (a list of strings, or one string); {@code null} when the claim is
   * malformed or too large (more than {@value #MAX_GROUPS} groups, or a group longer than {@value
   * #MAX_GROUP_LENGTH} characters). A missing claim is no groups.
   */
  public static List<String> groups(Object claim) {
    if (claim == null) {
      return List.of();
    }
    Collection<?> values = claim instanceof Collection<?> many ? many : List.of(claim);
    if (values.size() > MAX_GROUPS) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (Object value : values) {
      if (!(value instanceof String group) || group.length() > MAX_GROUP_LENGTH) {
        return null;
      }
      groups.add(group);
    }
    return List.copyOf(groups);
  }

  /** What {@code groups} give: every mapping whose group is one of them (exact match). */
  public static Mapped map(List<GroupMapping> mappings, Collection<String> groups) {
    Set<String> member = Set.copyOf(groups);
    Set<Grant> grants = new LinkedHashSet<>();
    Set<String> kubernetesGroups = new LinkedHashSet<>();
    for (GroupMapping mapping : mappings) {
      if (member.contains(mapping.group())) {
        grants.add(mapping.grant());
        kubernetesGroups.addAll(mapping.kubernetesGroups());
      }
    }
    return new Mapped(List.copyOf(grants), List.copyOf(kubernetesGroups));
  }

  /**
   * Why a mapping is not valid, or {@code null}: a group name, a cluster ({@code *} or a cluster
   * name), a namespace ({@code *} or a namespace name) and acceptable Kubernetes groups.
   */
  public static String problem(GroupMapping mapping) {
    if (mapping.group().isBlank() || mapping.group().length() > MAX_GROUP_LENGTH) {
      return "group must have 1 to " + MAX_GROUP_LENGTH + " characters";
    }
    if (!"*".equals(mapping.cluster()) && !Names.isClusterName(mapping.cluster())) {
      return "cluster '" + mapping.cluster() + "' is neither * nor a cluster name";
    }
    if (!"*".equals(mapping.namespace()) && !Names.isNamespace(mapping.namespace())) {
      return "namespace '" + mapping.namespace() + "' is neither * nor a namespace name";
    }
    for (String group : mapping.kubernetesGroups()) {
      String reason = kubernetesGroupProblem(group);
      if (reason != null) {
        return reason;
      }
    }
    return null;
  }

  /** Why {@code group} may not be added as an impersonation group, or {@code null}. */
  public static String kubernetesGroupProblem(String group) {
    if (group == null || !KUBE_GROUP.matcher(group).matches()) {
      return "Kubernetes group '" + group + "' has characters Kubeward does not accept";
    }
    String lower = group.toLowerCase(Locale.ROOT);
    if (lower.startsWith("system:") || lower.startsWith("kubeward:")) {
      return "Kubernetes group '" + group + "' is reserved (system: and kubeward: groups)";
    }
    return null;
  }
}
