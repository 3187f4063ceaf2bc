package io.kubeward.server.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on against a real OpenID Connect provider on loopback (mock-oauth2-server): the
 * browser's full redirect dance with a plain HTTP client, group mappings proven on the local
 * control plane (the mapped Kubernetes group's RoleBinding lets a person read a ConfigMap through
 * Kubeward, a person without it is refused by Kubernetes, a person without a mapped group by
 * Kubeward), expired and tampered ID tokens refused and audited, sign-out ending the session, and
 * the CLI's exchange of its ID token for an API token.
 */
@LocalControlPlane
class SingleSignOnIT {

  static final String ISSUER_ID = "corp";
  static final String CONSOLE_CLIENT = "kubeward-console";
  static final String CLI_CLIENT = "kubeward-cli";
  static final String NAMESPACE = "sso-it-team-a";
  static final String KUBE_GROUP = "corp:team-a";
  static final String ADMIN_PASSWORD = "admin-password-for-sso-tests";
  static final JsonMapper JSON = JsonMapper.builder().build();

  static MockOAuth2Server provider;
  static RunningServer server;

  @BeforeAll
  static void start(ControlPlane controlPlane) throws Exception {
    try (KubernetesClient admin = controlPlane.newAdminClient()) {
      admin
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .serverSideApply();
      admin
          .configMaps()
          .inNamespace(NAMESPACE)
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("settings")
                  .endMetadata()
                  .addToData("colour", "blue")
                  .build())
          .serverSideApply();
      admin
          .rbac()
          .roles()
          .inNamespace(NAMESPACE)
          .resource(
              new RoleBuilder()
                  .withNewMetadata()
                  .withName("read-config")
                  .endMetadata()
                  .addNewRule()
                  .withApiGroups("")
                  .withResources("configmaps")
                  .withVerbs("get", "list")
                  .endRule()
                  .build())
          .serverSideApply();
      admin
          .rbac()
          .roleBindings()
          .inNamespace(NAMESPACE)
          .resource(
              new RoleBindingBuilder()
                  .withNewMetadata()
                  .withName("team-a-reads-config")
                  .endMetadata()
                  .withNewRoleRef("rbac.authorization.k8s.io", "Role", "read-config")
                  .addNewSubject()
                  .withKind("Group")
                  .withApiGroup("rbac.authorization.k8s.io")
                  .withName(KUBE_GROUP)
                  .endSubject()
                  .build())
          .serverSideApply();
    }
    provider = new MockOAuth2Server();
    provider.start(InetAddress.getLoopbackAddress(), 0);
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.security.admin-password=" + ADMIN_PASSWORD,
            "--kubeward.security.login.max-failures-per-address=1000",
            "--kubeward.security.login.audit-window=1s",
            "--kubeward.sso.enabled=true",
            "--kubeward.sso.issuer-uri=" + provider.issuerUrl(ISSUER_ID),
            "--kubeward.sso.client-id=" + CONSOLE_CLIENT,
            "--kubeward.sso.cli-client-id=" + CLI_CLIENT,
            "--kubeward.sso.display-name=Corp SSO",
            // team-a: operator in the namespace, impersonated with the group bound above
            "--kubeward.sso.group-mappings[0].group=team-a",
            "--kubeward.sso.group-mappings[0].role=operator",
            "--kubeward.sso.group-mappings[0].cluster=local",
            "--kubeward.sso.group-mappings[0].namespace=" + NAMESPACE,
            "--kubeward.sso.group-mappings[0].kubernetes-groups[0]=" + KUBE_GROUP,
            // team-b: the same Kubeward grant, but no Kubernetes group: Kubernetes says no
            "--kubeward.sso.group-mappings[1].group=team-b",
            "--kubeward.sso.group-mappings[1].role=operator",
            "--kubeward.sso.group-mappings[1].cluster=local",
            "--kubeward.sso.group-mappings[1].namespace=" + NAMESPACE);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (provider != null) {
      provider.shutdown();
    }
  }

  @Test
  void aMappedGroupSignsInThroughTheProviderAndKubernetesLetsItsGroupRead() throws Exception {
    Browser alice = new Browser();
    assertThat(alice.signIn("alice", List.of("team-a", "unmapped"), 3600)).isEqualTo("/");

    JsonNode me = alice.get("/api/v1/auth/me").json();
    assertThat(me.get("username").asString()).isEqualTo("alice");
    assertThat(me.at("/grants/0/role").asString()).isEqualTo("operator");
    assertThat(me.at("/grants/0/namespace").asString()).isEqualTo(NAMESPACE);

    Reply config = alice.get(configMapPath());
    assertThat(config.status()).as(config.body()).isEqualTo(200);
    assertThat(config.json().at("/data/colour").asString()).isEqualTo("blue");

    RunningServer.Response signedIn =
        server.getAsAdmin("/api/v1/audit?user=alice&verb=auth.sso.login");
    assertThat(signedIn.json().get("items").get(0).get("result").asString()).isEqualTo("success");

    // sign-out ends the session (and offers the provider's end-session endpoint)
    Reply out = alice.postWithCsrf("/api/v1/auth/sso/logout");
    assertThat(out.status()).as(out.body()).isEqualTo(200);
    assertThat(out.json().get("endSessionUrl").asString())
        .startsWith(provider.endSessionEndpointUrl(ISSUER_ID).toString())
        .contains("client_id=" + CONSOLE_CLIENT);
    assertThat(alice.get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(alice.get(configMapPath()).status()).isEqualTo(401);
    assertThat(
            server.getAsAdmin("/api/v1/audit?user=alice&verb=auth.sso.logout").json().get("items"))
        .isNotEmpty();
  }

  @Test
  void kubernetesRefusesAPersonWhoseGroupMapsNoKubernetesGroup() throws Exception {
    Browser bob = new Browser();
    assertThat(bob.signIn("bob", List.of("team-b"), 3600)).isEqualTo("/");

    Reply config = bob.get(configMapPath());
    assertThat(config.status()).as(config.body()).isEqualTo(403);
  }

  @Test
  void aPersonWithoutAMappedGroupGetsNoAccess() throws Exception {
    Browser carol = new Browser();
    assertThat(carol.signIn("carol", List.of("marketing"), 3600))
        .isEqualTo("/login?sso-error=sso.no-access");
    assertThat(carol.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void singleSignOnNeverTakesOverALocalUserAndItsUsersHaveNoPassword() throws Exception {
    Browser impostor = new Browser();
    assertThat(impostor.signIn("admin", List.of("team-a"), 3600))
        .isEqualTo("/login?sso-error=sso.local-user");
    assertThat(impostor.get("/api/v1/auth/me").status()).isEqualTo(401);

    Browser frank = new Browser();
    assertThat(frank.signIn("frank", List.of("team-a"), 3600)).isEqualTo("/");
    Reply password =
        send(
            HttpRequest.newBuilder(URI.create(server.url("/api/v1/auth/login")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"frank\",\"password\":\"!sso\"}"))
                .build());
    assertThat(password.status()).isEqualTo(401);
    assertThat(password.json().get("code").asString()).isEqualTo("auth.invalid-credentials");
  }

  @Test
  void anExpiredIdTokenIsRefusedAndAudited() throws Exception {
    Browser dave = new Browser();
    assertThat(dave.signIn("dave", List.of("team-a"), -600))
        .isEqualTo("/login?sso-error=sso.token-expired");
    assertThat(dave.get("/api/v1/auth/me").status()).isEqualTo(401);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                // the first failure from an address at once, later ones in the window's summary
                assertThat(
                        server.getAsAdmin("/api/v1/audit?verb=auth.login&result=failure").body()
                            + server.getAsAdmin("/api/v1/audit?verb=auth.login-failures").body())
                    .contains("sso.token-expired"));
  }

  @Test
  void theCliExchangesItsIdTokenForAnApiTokenAndTamperedTokensAreRefused() throws Exception {
    String idToken = cliIdToken("erin", CLI_CLIENT, 3600);

    Reply exchanged = exchange(idToken);
    assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(201);
    assertThat(exchanged.json().get("username").asString()).isEqualTo("erin");
    String apiToken = exchanged.json().get("token").asString();
    assertThat(apiToken).startsWith("kw_");
    Reply me =
        send(
            HttpRequest.newBuilder(URI.create(server.url("/api/v1/auth/me")))
                .header("Authorization", "Bearer " + apiToken)
                .GET()
                .build());
    assertThat(me.json().get("username").asString()).isEqualTo("erin");

    // the payload changed (another person), the provider's signature kept
    String[] parts = idToken.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"erin\"", "\"admin\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    Reply refused = exchange(tampered);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().get("code").asString()).isEqualTo("sso.invalid-token");
    assertThat(refused.json().get("detail").asString()).doesNotContain("Exception");

    Reply expired = exchange(cliIdToken("erin", CLI_CLIENT, -600));
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("code").asString()).isEqualTo("sso.token-expired");

    // a token for the console's client is not the CLI's
    Reply otherAudience = exchange(cliIdToken("erin", CONSOLE_CLIENT, 3600));
    assertThat(otherAudience.status()).isEqualTo(401);
    assertThat(otherAudience.json().get("code").asString()).isEqualTo("sso.invalid-token");
  }

  @Test
  void theSignInPageLearnsThatSingleSignOnIsOn() throws Exception {
    JsonNode settings =
        send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/auth/sso"))).GET().build())
            .json();
    assertThat(settings.get("enabled").asBoolean()).isTrue();
    assertThat(settings.get("displayName").asString()).isEqualTo("Corp SSO");
    assertThat(settings.get("localSignIn").asBoolean()).isTrue();
    assertThat(settings.get("cliClientId").asString()).isEqualTo(CLI_CLIENT);
  }

  @Test
  void withoutLocalSignInThePasswordLoginIsClosed(ControlPlane controlPlane) throws Exception {
    try (RunningServer ssoOnly =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.security.admin-password=" + ADMIN_PASSWORD,
            "--kubeward.sso.enabled=true",
            "--kubeward.sso.local-sign-in=false",
            "--kubeward.sso.issuer-uri=" + provider.issuerUrl(ISSUER_ID),
            "--kubeward.sso.client-id=" + CONSOLE_CLIENT,
            "--kubeward.sso.group-mappings[0].group=team-a",
            "--kubeward.sso.group-mappings[0].role=viewer")) {
      Reply login =
          send(
              HttpRequest.newBuilder(URI.create(ssoOnly.url("/api/v1/auth/login")))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                  .build());
      assertThat(login.status()).isEqualTo(403);
      assertThat(login.json().get("code").asString()).isEqualTo("sso.local-sign-in-off");
      assertThat(login.raw().headers().allValues("Set-Cookie"))
          .noneMatch(c -> c.startsWith("KUBEWARD_SESSION="));
      JsonNode settings =
          send(HttpRequest.newBuilder(URI.create(ssoOnly.url("/api/v1/auth/sso"))).GET().build())
              .json();
      assertThat(settings.get("localSignIn").asBoolean()).isFalse();
    }
  }

  private static String configMapPath() {
    return "/api/v1/clusters/local/object?apiVersion=v1&kind=ConfigMap&format=json&name=settings"
        + "&namespace="
        + NAMESPACE;
  }

  private static String cliIdToken(String user, String audience, long expirySeconds) {
    return provider
        .issueToken(
            ISSUER_ID,
            audience,
            new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                user + "-subject",
                "JWT",
                List.of(audience),
                claims(user, List.of("team-a"), expirySeconds),
                expirySeconds))
        .serialize();
  }

  /**
   * The person's claims; an expired token (negative expiry) was issued an hour before, as a real
   * one would have been (the provider would otherwise issue it now, expiring before its issue).
   */
  private static Map<String, Object> claims(String user, List<String> groups, long expiry) {
    Map<String, Object> claims = new java.util.HashMap<>();
    claims.put("preferred_username", user);
    claims.put("groups", groups);
    if (expiry < 0) {
      claims.put("iat", java.time.Instant.now().minusSeconds(3600).getEpochSecond());
    }
    return claims;
  }

  private static Reply exchange(String idToken) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of("idToken", idToken, "tokenName", "cli on test", "expiresInDays", 7));
    return send(
        HttpRequest.newBuilder(URI.create(server.url("/api/v1/auth/sso/token")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body(), response);
  }

  /** An HTTP answer. */
  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String location() {
      return raw.headers().firstValue("Location").orElse(null);
    }
  }

  /** A browser: cookies kept, redirects followed one by one so each hop can be checked. */
  static final class Browser {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * Signs in at the provider as {@code user} in {@code groups}, with an ID token valid for {@code
     * expirySeconds} (negative: expired already).
     *
     * @return where Kubeward sends the browser at the end
     */
    String signIn(String user, List<String> groups, long expirySeconds) throws Exception {
      Reply authorize = get("/api/v1/auth/sso/authorize");
      assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
      URI atProvider = URI.create(authorize.location());
      assertThat(atProvider.toString())
          .startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString())
          .contains("code_challenge_method=S256")
          .contains("nonce=");
      provider.enqueueCallback(
          new DefaultOAuth2TokenCallback(
              ISSUER_ID,
              user + "-subject",
              "JWT",
              List.of(CONSOLE_CLIENT),
              claims(user, groups, expirySeconds),
              expirySeconds));
      Reply back = send(HttpRequest.newBuilder(atProvider).GET().build());
      assertThat(back.status()).as(back.body()).isEqualTo(302);
      URI callback = URI.create(back.location());
      assertThat(callback.toString()).startsWith(server.url("/api/v1/auth/sso/callback"));
      Reply done = send(HttpRequest.newBuilder(callback).GET().build());
      assertThat(done.status()).as(done.body()).isEqualTo(302);
      return done.location();
    }

    Reply get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
    }

    Reply postWithCsrf(String path) throws Exception {
      String xsrf =
          cookies.getCookieStore().getCookies().stream()
              .filter(c -> c.getName().equals("XSRF-TOKEN"))
              .map(HttpCookie::getValue)
              .findFirst()
              .orElseThrow();
      return send(
          HttpRequest.newBuilder(URI.create(server.url(path)))
              .header("X-XSRF-TOKEN", xsrf)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    }
  }
}
