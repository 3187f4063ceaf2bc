package io.kubeward.tenancy.domain;

import io.kubeward.common.Names;
import java.util.Map;
import java.util.Set;

/**
 * What a team space is made of: a ResourceQuota's hard values, a LimitRange, whether a default-deny
 * NetworkPolicy (with DNS and same-namespace exceptions) is added, the Pod Security Admission level
 * (enforced, audited and warned) and version, and the ClusterRole the team is bound to.
 */
public record TeamTemplate(
    String name,
    String description,
    Map<String, String> quotaHard,
    LimitRangeSpec limitRange,
    boolean defaultDeny,
    PsaLevel podSecurity,
    String podSecurityVersion,
    String teamRole) {

  public static final Set<String> ROLES = Set.of("admin", "edit", "view");

  public TeamTemplate {
    if (name == null || !Names.isObjectName(name) || name.length() > 63) {
      throw TenancyException.invalid("template.name", "a DNS label of at most 63 characters");
    }
    description = description == null ? "" : description;
    if (description.length() > 500) {
      throw TenancyException.invalid("template.description", "at most 500 characters");
    }
    quotaHard = QuantityBounds.check("quota", quotaHard);
    limitRange = limitRange == null ? LimitRangeSpec.NONE : limitRange;
    podSecurity = podSecurity == null ? PsaLevel.RESTRICTED : podSecurity;
    podSecurityVersion = podSecurityVersion == null ? "latest" : podSecurityVersion;
    if (!podSecurityVersion.matches("latest|v1\\.[0-9]{1,2}")) {
      throw TenancyException.invalid("podSecurityVersion", "latest or v1.N");
    }
    teamRole = teamRole == null ? "edit" : teamRole;
    if (!ROLES.contains(teamRole)) {
      throw TenancyException.invalid("teamRole", "one of admin, edit, view");
    }
  }
}
