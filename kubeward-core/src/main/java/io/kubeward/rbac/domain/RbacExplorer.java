package io.kubeward.rbac.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "what may this subject do" and "who may do this" over one {@link RbacSnapshot}, the way
 * the apiserver's RBAC authorizer does: a ClusterRoleBinding grants everywhere, a RoleBinding (to a
 * Role or a ClusterRole) only in its namespace.
 */
public final class RbacExplorer {

  private static final Comparator<GrantedRule> BY_SCOPE =
      Comparator.comparing((GrantedRule g) -> g.namespace() == null ? "" : "~" + g.namespace())
          .thenComparing(g -> g.binding().name());

  private final RbacSnapshot snapshot;

  public RbacExplorer(RbacSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** Every rule granted to {@code identity}, cluster-wide first, then by namespace. */
  public SubjectRules rules(RbacIdentity identity) {
    List<GrantedRule> granted = new ArrayList<>();
    List<BindingRef> missing = new ArrayList<>();
    for (RbacBinding binding : snapshot.bindings()) {
      Optional<RbacSubject> boundAs = boundAs(identity, binding);
      if (boundAs.isEmpty()) {
        continue;
      }
      Optional<RbacRole> role = snapshot.role(binding);
      if (role.isEmpty()) {
        missing.add(BindingRef.of(binding));
        continue;
      }
      for (RbacRule rule : role.get().rules()) {
        granted.add(
            new GrantedRule(
                binding.namespace(),
                BindingRef.of(binding),
                binding.roleRef(),
                boundAs.get(),
                rule));
      }
    }
    granted.sort(BY_SCOPE);
    return new SubjectRules(
        identity.subject(),
        identity.user(),
        identity.groups(),
        identity.master(),
        granted,
        missing);
  }

  /** Whether {@code identity} may make {@code request}, and the rules that allow it. */
  public CanIAnswer canI(RbacIdentity identity, ResourceRequest request) {
    List<GrantedRule> grantedBy =
        rules(identity).rules().stream()
            .filter(g -> appliesIn(g.namespace(), request.namespace()))
            .filter(g -> RuleMatcher.allows(g.rule(), request))
            .toList();
    return new CanIAnswer(
        identity.subject(),
        request,
        identity.master() || !grantedBy.isEmpty(),
        identity.master(),
        grantedBy);
  }

  /** The subjects bindings allow {@code request}, each with its bindings. */
  public WhoCanAnswer whoCan(ResourceRequest request) {
    Map<RbacSubject, List<BindingRef>> allowed = new LinkedHashMap<>();
    for (RbacBinding binding : snapshot.bindings()) {
      if (!appliesIn(binding.namespace(), request.namespace())) {
        continue;
      }
      boolean grants =
          snapshot.role(binding).stream()
              .flatMap(r -> r.rules().stream())
              .anyMatch(rule -> RuleMatcher.allows(rule, request));
      if (!grants) {
        continue;
      }
      for (RbacSubject subject : binding.subjects()) {
        RbacSubject normalized = normalized(subject, binding);
        if (normalized == null) {
          continue;
        }
        List<BindingRef> refs = allowed.computeIfAbsent(normalized, s -> new ArrayList<>());
        BindingRef ref = BindingRef.of(binding);
        if (!refs.contains(ref)) {
          refs.add(ref);
        }
      }
    }
    List<AllowedSubject> subjects =
        allowed.entrySet().stream()
            .map(e -> new AllowedSubject(e.getKey(), e.getValue()))
            .sorted(
                Comparator.comparing((AllowedSubject a) -> a.subject().kind())
                    .thenComparing(a -> String.valueOf(a.subject().namespace()))
                    .thenComparing(a -> a.subject().name()))
            .toList();
    return new WhoCanAnswer(request, subjects);
  }

  /**
   * Whether a grant of a binding in {@code bindingNamespace} (null: a ClusterRoleBinding) applies
   * to a request in {@code requestNamespace} (null: cluster-scoped or all namespaces).
   */
  static boolean appliesIn(String bindingNamespace, String requestNamespace) {
    return bindingNamespace == null || bindingNamespace.equals(requestNamespace);
  }

  private static Optional<RbacSubject> boundAs(RbacIdentity identity, RbacBinding binding) {
    return binding.subjects().stream()
        .filter(s -> identity.matches(s, binding.namespace()))
        .findFirst();
  }

  /** A service account subject with its namespace defaulted to the binding's; null if none. */
  private static RbacSubject normalized(RbacSubject subject, RbacBinding binding) {
    if (subject.kind() != RbacSubject.Kind.SERVICE_ACCOUNT
        || subject.namespace() != null && !subject.namespace().isEmpty()) {
      return subject;
    }
    return binding.namespace() == null
        ? null
        : RbacSubject.serviceAccount(binding.namespace(), subject.name());
  }
}
