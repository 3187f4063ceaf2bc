package io.kubeward.server.sso;

import io.kubeward.access.domain.Role;
import io.kubeward.sso.domain.GroupMapping;
import io.kubeward.sso.domain.SsoMapping;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with an OpenID Connect provider ({@code kubeward.sso.*}, ADR 0054); a bad value
 * stops the start.
 *
 * @param enabled off by default
 * @param issuerUri the provider's issuer; its discovery document is read from {@code
 *     <issuer>/.well-known/openid-configuration}; https unless the host is loopback
 * @param clientId the console's client at the provider (authorization code + PKCE)
 * @param clientSecret optional: the console's client is then confidential (HTTP Basic at the token
 *     endpoint); PKCE is used either way
 * @param cliClientId the CLI's public client, the audience its ID tokens must have; default the
 *     console's client id
 * @param scopes requested scopes; {@code openid} is always included
 * @param usernameClaim the claim that names the Kubeward user
 * @param groupsClaim the claim holding the person's groups
 * @param groupMappings group to role (viewer, operator, admin) in a cluster ({@code *} by default)
 *     and namespace ({@code *} by default), plus Kubernetes groups to impersonate
 * @param localSignIn whether local users may still sign in with a password (break-glass admins)
 * @param displayName the sign-in button's label, e.g. the company's provider name
 * @param loginTimeout how long a started sign-in may take at the provider, 1m to 1h
 * @param clockSkew tolerated clock difference for the token's expiry, 0 to 5m
 */
@ConfigurationProperties("kubeward.sso")
public record SsoProperties(
    @DefaultValue("false") boolean enabled,
    URI issuerUri,
    String clientId,
    String clientSecret,
    String cliClientId,
    @DefaultValue({"openid", "profile", "email", "groups"}) List<String> scopes,
    @DefaultValue("preferred_username") String usernameClaim,
    @DefaultValue("groups") String groupsClaim,
    List<Mapping> groupMappings,
    @DefaultValue("true") boolean localSignIn,
    @DefaultValue("Single sign-on") String displayName,
    @DefaultValue("10m") Duration loginTimeout,
    @DefaultValue("60s") Duration clockSkew) {

  /** One {@code kubeward.sso.group-mappings[i]}. */
  public record Mapping(
      String group, Role role, String cluster, String namespace, List<String> kubernetesGroups) {}

  public SsoProperties {
    groupMappings = groupMappings == null ? List.of() : List.copyOf(groupMappings);
    scopes = scopes == null ? List.of("openid") : List.copyOf(scopes);
    if (!scopes.contains("openid")) {
      scopes = java.util.stream.Stream.concat(List.of("openid").stream(), scopes.stream()).toList();
    }
    if (cliClientId == null || cliClientId.isBlank()) {
      cliClientId = clientId;
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 64) {
      throw new IllegalArgumentException("kubeward.sso.display-name must have 1 to 64 characters");
    }
    if (loginTimeout.compareTo(Duration.ofMinutes(1)) < 0
        || loginTimeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("kubeward.sso.login-timeout must be between 1m and 1h");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("kubeward.sso.clock-skew must be between 0 and 5m");
    }
    if (enabled) {
      requireIssuer(issuerUri);
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("kubeward.sso.client-id is required");
      }
      if (groupMappings.isEmpty()) {
        throw new IllegalArgumentException(
            "kubeward.sso.group-mappings is empty: nobody could use Kubeward through single"
                + " sign-on");
      }
    }
    for (int i = 0; i < groupMappings.size(); i++) {
      String problem = problem(groupMappings.get(i));
      if (problem != null) {
        throw new IllegalArgumentException("kubeward.sso.group-mappings[" + i + "]: " + problem);
      }
    }
  }

  /** The mappings as the core reads them. */
  public List<GroupMapping> mappings() {
    return groupMappings.stream()
        .map(
            m ->
                new GroupMapping(
                    m.group(), m.role(), m.cluster(), m.namespace(), m.kubernetesGroups()))
        .toList();
  }

  private static String problem(Mapping mapping) {
    if (mapping.group() == null || mapping.role() == null) {
      return "group and role (viewer, operator or admin) are required";
    }
    return SsoMapping.problem(
        new GroupMapping(
            mapping.group(),
            mapping.role(),
            mapping.cluster(),
            mapping.namespace(),
            mapping.kubernetesGroups()));
  }

  private static void requireIssuer(URI issuer) {
    if (issuer == null || issuer.getHost() == null) {
      throw new IllegalArgumentException("kubeward.sso.issuer-uri is required (an absolute URL)");
    }
    boolean loopback =
        issuer.getHost().equals("localhost")
            || issuer.getHost().equals("127.0.0.1")
            || issuer.getHost().equals("[::1]");
    if (!"https".equals(issuer.getScheme()) && !("http".equals(issuer.getScheme()) && loopback)) {
      throw new IllegalArgumentException(
          "kubeward.sso.issuer-uri must be https (plain http only on loopback, for tests)");
    }
  }
}
