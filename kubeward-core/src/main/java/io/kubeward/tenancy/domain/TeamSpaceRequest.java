package io.kubeward.tenancy.domain;

import io.kubeward.common.Names;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A team space to create: the namespace name, the template, the team's users and groups, and
 * optional overrides of the template's quota, pod security level and team role.
 */
public record TeamSpaceRequest(
    String name,
    @Nullable String template,
    List<String> users,
    List<String> groups,
    @Nullable Map<String, String> quotaOverrides,
    @Nullable String podSecurity,
    @Nullable String teamRole) {

  public static final int MAX_SUBJECTS = 100;

  public TeamSpaceRequest {
    if (name == null || !Names.isNamespace(name)) {
      throw TenancyException.invalid("name", "a namespace name (lower-case letters, digits, '-')");
    }
    users = users == null ? List.of() : List.copyOf(users);
    groups = groups == null ? List.of() : List.copyOf(groups);
    if (users.isEmpty() && groups.isEmpty()) {
      throw TenancyException.invalid("users", "name at least one user or group of the team");
    }
    if (users.size() + groups.size() > MAX_SUBJECTS) {
      throw TenancyException.invalid("users", "at most " + MAX_SUBJECTS + " users and groups");
    }
    for (String subject : users) {
      subject(subject, "users");
    }
    for (String subject : groups) {
      subject(subject, "groups");
    }
    quotaOverrides = QuantityBounds.check("quotaOverrides", quotaOverrides);
  }

  private static void subject(String subject, String field) {
    if (subject == null || subject.isBlank() || subject.length() > 253 || subject.contains("\n")) {
      throw TenancyException.invalid(field, "a name of 1 to 253 characters on one line");
    }
  }
}
