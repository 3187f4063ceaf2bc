package io.kubeward.rbac.app;

import io.kubeward.access.app.Caller;
import io.kubeward.rbac.domain.CanIAnswer;
import io.kubeward.rbac.domain.InvalidRbacQueryException;
import io.kubeward.rbac.domain.RbacExplorer;
import io.kubeward.rbac.domain.RbacIdentity;
import io.kubeward.rbac.domain.ResourceRequest;
import io.kubeward.rbac.domain.RiskyBinding;
import io.kubeward.rbac.domain.SubjectRules;
import io.kubeward.rbac.domain.WhoCanAnswer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The RBAC explorer's use cases: effective rules of a subject, who can, can-i and risky bindings,
 * over the RBAC objects read live as the caller (Kubernetes decides whether the caller may list
 * them). Validates and bounds every input before reading.
 */
public final class ExploreRbac {

  /** Longest accepted user, group or object name (Kubernetes allows long OIDC user names). */
  public static final int MAX_NAME = 512;

  /** Longest verb, resource, subresource, API group or namespace. */
  public static final int MAX_TOKEN = 253;

  /** Most groups a user may be said to have. */
  public static final int MAX_GROUPS = 64;

  private final RbacReader reader;

  public ExploreRbac(RbacReader reader) {
    this.reader = reader;
  }

  /** Who is asked about: a user (with known groups), a group or a service account. */
  public record SubjectQuery(String kind, String name, String namespace, List<String> groups) {

    public SubjectQuery {
      groups = groups == null ? List.of() : groups;
    }

    RbacIdentity identity() {
      String k = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
      required(name, "name", MAX_NAME);
      if (groups.size() > MAX_GROUPS) {
        throw InvalidRbacQueryException.field("groups", MAX_GROUPS);
      }
      groups.forEach(g -> required(g, "groups", MAX_NAME));
      return switch (k) {
        case "user" -> RbacIdentity.user(name, groups);
        case "group" -> RbacIdentity.group(name);
        case "serviceaccount", "sa" ->
            RbacIdentity.serviceAccount(required(namespace, "namespace", MAX_TOKEN), name);
        default -> throw InvalidRbacQueryException.kind(kind);
      };
    }
  }

  /** A request to judge: verb on [group/]resource[/subresource] [in namespace] [named]. */
  public record RequestQuery(
      String verb,
      String apiGroup,
      String resource,
      String subresource,
      String namespace,
      String resourceName) {

    /** {@code resource} may be written {@code pods/exec}, as kubectl does. */
    ResourceRequest request() {
      String combined = required(resource, "resource", MAX_TOKEN);
      String sub = optional(subresource, "subresource", MAX_TOKEN);
      int slash = combined.indexOf('/');
      if (slash > 0 && sub == null) {
        sub = combined.substring(slash + 1);
        combined = combined.substring(0, slash);
      }
      return new ResourceRequest(
          required(verb, "verb", MAX_TOKEN),
          optional(apiGroup, "apiGroup", MAX_TOKEN),
          combined,
          sub,
          optional(namespace, "namespace", MAX_TOKEN),
          optional(resourceName, "resourceName", MAX_NAME));
    }
  }

  public SubjectRules rules(Caller caller, String cluster, SubjectQuery subject) {
    RbacIdentity identity = subject.identity();
    return explorer(caller, cluster).rules(identity);
  }

  public WhoCanAnswer whoCan(Caller caller, String cluster, RequestQuery query) {
    ResourceRequest request = query.request();
    return explorer(caller, cluster).whoCan(request);
  }

  public CanIAnswer canI(Caller caller, String cluster, SubjectQuery subject, RequestQuery query) {
    RbacIdentity identity = subject.identity();
    ResourceRequest request = query.request();
    return explorer(caller, cluster).canI(identity, request);
  }

  /** Bindings that grant a risk, worst first; {@code system:} bindings only when asked. */
  public List<RiskyBinding> risky(Caller caller, String cluster, boolean includeSystem) {
    return reader.read(caller, cluster).riskyBindings(includeSystem).stream()
        .sorted(
            Comparator.comparing(RiskyBinding::severity)
                .thenComparing(r -> String.valueOf(r.binding().namespace()))
                .thenComparing(r -> r.binding().name()))
        .toList();
  }

  private RbacExplorer explorer(Caller caller, String cluster) {
    return new RbacExplorer(reader.read(caller, cluster));
  }

  private static String required(String value, String field, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw InvalidRbacQueryException.field(field, max);
    }
    return value.trim();
  }

  private static String optional(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return required(value, field, max);
  }
}
