package io.kubeward.access.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.ResourceAction;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.TokenScope;
import io.kubeward.access.domain.Verb;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deciding step (here where Kubeward may not impersonate, so Kubeward's grants decide) and the
 * token-scope narrowing step, each on its own and together.
 */
class AuthorizerTest {

  private static final ResourceAction LIST_PODS = ResourceAction.of("list", "", "pods", null);
  private final Authorizer authorizer = TestAuthorizers.readOnly();

  private NamespaceVisibility readable(Caller caller, String cluster) {
    return authorizer.readable(caller, cluster, LIST_PODS, List::of);
  }

  private static final Principal ADMIN =
      new Principal("root", List.of(new Grant(Role.ADMIN, Scope.everywhere())));
  private static final Principal OPERATOR_A =
      new Principal("op", List.of(new Grant(Role.OPERATOR, Scope.namespace("prod", "a"))));

  private static Caller caller(Principal principal, TokenScope scope) {
    return new Caller(principal, Origin.API, "10.0.0.1", scope);
  }

  @Test
  void aSessionIsNotNarrowed() {
    Caller session = new Caller(ADMIN, Origin.CONSOLE, "10.0.0.1");
    assertThat(session.tokenScope()).isEqualTo(TokenScope.FULL);
    authorizer.require(session, Verb.ADMINISTER, "kubeward", null);
    authorizer.require(session, Verb.MUTATE, "prod", null);
    assertThat(readable(session, "prod")).isEqualTo(NamespaceVisibility.ALL);
  }

  @Test
  void aReadOnlyTokenOfAnAdminMayOnlyRead() {
    Caller token = caller(ADMIN, new TokenScope(true, null, Set.of(), false));

    authorizer.require(token, Verb.READ, "prod", "a");
    for (Verb verb : List.of(Verb.MUTATE, Verb.READ_SECRET, Verb.ADMINISTER)) {
      assertThatThrownBy(() -> authorizer.require(token, verb, "prod", "a"))
          .isInstanceOf(TokenScopeException.class)
          .hasMessageContaining(verb.name().toLowerCase(java.util.Locale.ROOT));
    }
    assertThatThrownBy(() -> Authorizer.requireOwnChangeAllowed(token, "token.create"))
        .isInstanceOf(TokenScopeException.class);
  }

  @Test
  void aNamespaceTokenNarrowsWritesAndListsAndNeverWidensTheGrants() {
    TokenScope scope = new TokenScope(false, "prod", Set.of("a", "b"), false);
    Caller admin = caller(ADMIN, scope);
    Caller operator = caller(OPERATOR_A, scope);

    authorizer.require(admin, Verb.MUTATE, "prod", "b");
    assertThatThrownBy(() -> authorizer.require(admin, Verb.MUTATE, "prod", "c"))
        .isInstanceOf(TokenScopeException.class);
    assertThatThrownBy(() -> authorizer.require(admin, Verb.MUTATE, "prod", null))
        .as("cluster-scoped objects are outside a namespace scope")
        .isInstanceOf(TokenScopeException.class);
    assertThatThrownBy(() -> authorizer.require(admin, Verb.READ, "dev", "a"))
        .isInstanceOf(TokenScopeException.class);
    assertThatThrownBy(() -> authorizer.require(admin, Verb.ADMINISTER, "kubeward", null))
        .isInstanceOf(TokenScopeException.class);
    assertThatThrownBy(() -> authorizer.require(operator, Verb.MUTATE, "prod", "b"))
        .as("the deciding step applies first: without impersonation only admins change")
        .isInstanceOf(ClusterReadOnlyException.class);

    assertThat(readable(admin, "prod")).isEqualTo(NamespaceVisibility.only(Set.of("a", "b")));
    assertThat(readable(operator, "prod")).isEqualTo(NamespaceVisibility.only(Set.of("a")));
    assertThat(readable(admin, "dev").isEmpty()).isTrue();
  }

  @Test
  void aTokenCoversOnlyNarrowerTokens() {
    TokenScope parent = new TokenScope(false, "prod", Set.of("a", "b"), true);

    assertThat(parent.covers(new TokenScope(true, "prod", Set.of("a"), false))).isTrue();
    assertThat(parent.covers(new TokenScope(false, "prod", Set.of("a", "b"), true))).isTrue();
    assertThat(parent.covers(new TokenScope(false, "prod", Set.of(), false))).isFalse();
    assertThat(parent.covers(new TokenScope(false, null, Set.of(), false))).isFalse();
    assertThat(parent.covers(new TokenScope(false, "prod", Set.of("c"), false))).isFalse();
    TokenScope readOnly = new TokenScope(true, null, Set.of(), true);
    assertThat(readOnly.covers(new TokenScope(false, null, Set.of(), false))).isFalse();
    TokenScope noTokens = new TokenScope(false, null, Set.of(), false);
    assertThat(noTokens.covers(new TokenScope(false, null, Set.of(), true))).isFalse();
    assertThat(TokenScope.FULL.covers(new TokenScope(false, null, Set.of(), true))).isTrue();
  }
}
