package io.kubeward.sso.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.KubewardException;
import io.kubeward.sso.domain.GroupMapping;
import io.kubeward.sso.domain.Mapped;
import io.kubeward.sso.domain.SsoMapping;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.app.SignIn;
import io.kubeward.user.app.SignInFailures;
import io.kubeward.user.domain.UserAccount;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signs a person in from the verified claims of an identity provider's ID token: maps the groups
 * claim through the configured {@link GroupMapping}s, provisions the Kubeward user ({@link
 * SsoUsers}) and audits the sign-in as {@value #VERB}. Refusals (invalid token, no mapped group,
 * ...) go to {@link SignInFailures} like failed local sign-ins, so a flood of them is aggregated.
 */
public final class SsoSignIn {

  public static final String VERB = "auth.sso.login";
  public static final String SIGN_OUT_VERB = "auth.sso.logout";
  private static final int MAX_AUDITED_NAME = 64;

  /** Which claims hold the user name and the groups, and what the groups give. */
  public record Settings(String usernameClaim, String groupsClaim, List<GroupMapping> mappings) {
    public Settings {
      mappings = List.copyOf(mappings);
    }
  }

  private final Settings settings;
  private final SsoUsers users;
  private final AuditedAction audited;
  private final SignInFailures failures;
  private final Clock clock;

  public SsoSignIn(
      Settings settings,
      SsoUsers users,
      AuditedAction audited,
      SignInFailures failures,
      Clock clock) {
    this.settings = settings;
    this.users = users;
    this.audited = audited;
    this.failures = failures;
    this.clock = clock;
  }

  /**
   * @param claims the claims of an ID token whose signature, issuer, audience, expiry (and nonce)
   *     were verified
   * @return the provisioned user
   * @throws SsoException {@code sso.invalid-username}, {@code sso.invalid-groups}, {@code
   *     sso.no-access}, {@code sso.local-user}
   * @throws AuthException {@code auth.user-disabled} when an administrator disabled the user
   */
  public UserAccount signIn(Map<String, Object> claims, Origin origin, String address) {
    String shown = shownName(claims.get(settings.usernameClaim()));
    UserAccount user;
    try {
      user = provision(claims);
    } catch (KubewardException refused) {
      refused(shown, origin, address, refused);
      throw refused;
    }
    Caller caller = new Caller(new Principal(user.username(), List.of()), origin, address);
    return audited.runOwn(
        caller,
        new AuditedAction.Target(SignIn.KUBEWARD, null, "User", user.username()),
        VERB,
        () -> new AuditedAction.Outcome<>(user, describe(user)));
  }

  /** Records a sign-in refused before the claims could be trusted (bad token, state, ...). */
  public void refused(String username, Origin origin, String address, KubewardException why) {
    failures.failed(
        new SignInFailures.Failure(
            username == null || username.isBlank() ? "(single sign-on)" : username,
            address,
            origin,
            why.code(),
            why.getMessage(),
            clock.instant()));
  }

  /** Audits the end of a signed-in person's session. */
  public void signedOut(Caller caller) {
    audited.runOwn(
        caller,
        new AuditedAction.Target(SignIn.KUBEWARD, null, "User", caller.username()),
        SIGN_OUT_VERB,
        () -> AuditedAction.Outcome.of(null));
  }

  private UserAccount provision(Map<String, Object> claims) {
    String username =
        SsoMapping.username(claims.get(settings.usernameClaim()))
            .orElseThrow(() -> SsoException.invalidUsername(settings.usernameClaim()));
    List<String> groups = SsoMapping.groups(claims.get(settings.groupsClaim()));
    if (groups == null) {
      throw SsoException.invalidGroups(settings.groupsClaim());
    }
    Mapped mapped = SsoMapping.map(settings.mappings(), groups);
    if (mapped.noAccess()) {
      throw SsoException.noAccess(username);
    }
    UserAccount user = users.provision(username, mapped, clock.instant());
    if (user.disabled()) {
      throw AuthException.userDisabled(username);
    }
    return user;
  }

  private static String describe(UserAccount user) {
    String grants =
        user.grants().stream()
            .map(
                g ->
                    "+grant: " + g.role() + " " + g.scope().cluster() + "/" + g.scope().namespace())
            .collect(Collectors.joining("\n"));
    String groups =
        user.kubernetesGroups().stream()
            .map(g -> "+kubernetes-group: " + g)
            .collect(Collectors.joining("\n"));
    return groups.isEmpty() ? grants : grants + "\n" + groups;
  }

  private static String shownName(Object claim) {
    if (!(claim instanceof String name)) {
      return null;
    }
    String stripped = name.strip();
    return stripped.length() > MAX_AUDITED_NAME
        ? stripped.substring(0, MAX_AUDITED_NAME)
        : stripped;
  }
}
