package io.kubeward.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every security rule and filter that compares paths, each reached with its canonical path (the
 * rule's answer) and with every other spelling of the same path (percent-encoded letters, doubled
 * slashes, dot segments, path parameters, encoded slashes), which must all be refused with 400
 * {@code request.non-canonical-path} before any rule runs, and change nothing.
 */
@LocalControlPlane
class PathSpellingIT {

  static final String ADMIN_PASSWORD = "admin-password-for-paths";
  static RunningServer server;
  static Session mustChange;
  static Session admin;
  static String token;

  /** One rule: who asks, how, at which canonical path, and what the rule answers there. */
  record Rule(String name, String method, String path, Object body, Who who, int canonicalStatus) {}

  enum Who {
    ANONYMOUS,
    MUST_CHANGE_PASSWORD,
    ADMIN_SESSION,
    ADMIN_SESSION_WITHOUT_CSRF,
    ADMIN_TOKEN
  }

  static final List<Rule> RULES =
      List.of(
          new Rule(
              "password-change gate",
              "GET",
              "/api/v1/clusters",
              null,
              Who.MUST_CHANGE_PASSWORD,
              403),
          new Rule(
              "password-change gate on token creation",
              "POST",
              "/api/v1/auth/tokens",
              Map.of("name", "sneaky", "expiresInDays", 1),
              Who.MUST_CHANGE_PASSWORD,
              403),
          new Rule(
              "password-change gate on the OpenAPI document",
              "GET",
              "/v3/api-docs",
              null,
              Who.MUST_CHANGE_PASSWORD,
              403),
          new Rule(
              "login permitted without CSRF",
              "POST",
              "/api/v1/auth/login",
              Map.of("username", "admin", "password", ADMIN_PASSWORD),
              Who.ANONYMOUS,
              200),
          new Rule(
              "CSRF required for session changes",
              "POST",
              "/api/v1/auth/tokens",
              Map.of("name", "no-csrf", "expiresInDays", 1),
              Who.ADMIN_SESSION_WITHOUT_CSRF,
              403),
          new Rule("/api/** needs sign-in", "GET", "/api/v1/clusters", null, Who.ANONYMOUS, 401),
          new Rule("bearer token on /api/**", "GET", "/api/v1/auth/me", null, Who.ADMIN_TOKEN, 200),
          new Rule("/v3/api-docs needs sign-in", "GET", "/v3/api-docs", null, Who.ANONYMOUS, 401),
          new Rule(
              "/v3/api-docs.yaml needs sign-in",
              "GET",
              "/v3/api-docs.yaml",
              null,
              Who.ANONYMOUS,
              401),
          new Rule(
              "/v3/api-docs for a session", "GET", "/v3/api-docs", null, Who.ADMIN_SESSION, 200),
          new Rule("console file", "GET", "/index.html", null, Who.ANONYMOUS, 200),
          new Rule("console route", "GET", "/nodes/node-1", null, Who.ANONYMOUS, 200));

  /** Every other spelling of {@code path} (each differs from it, none is canonical). */
  static List<String> spellings(String path) {
    List<String> out = new ArrayList<>();
    String first = path.substring(1, 2);
    out.add("/%" + Integer.toHexString(first.charAt(0)) + path.substring(2)); // /%61pi/...
    out.add("/%" + Integer.toHexString(first.charAt(0)).toUpperCase() + path.substring(2));
    int last = path.lastIndexOf('/');
    out.add(
        path.substring(0, last + 1)
            + "%"
            + Integer.toHexString(path.charAt(last + 1))
            + path.substring(last + 2));
    out.add("/" + path); // //api/...
    out.add(path.replaceFirst("/", "//").replaceFirst("^//", "/").replace("/v", "//v"));
    out.add("/." + path); // /./api
    out.add("/x/.." + path); // /x/../api
    out.add("/x/%2e%2e" + path);
    String head = last == 0 ? "/x" : path.substring(0, last); // a segment before the last
    out.add(path + ";x=1"); // path parameter
    out.add(head + ";jsessionid=1" + path.substring(last));
    out.add(head + "%2F" + path.substring(last + 1)); // encoded slash
    out.add(head + "%5C" + path.substring(last + 1)); // encoded backslash
    out.removeIf(p -> p.equals(path));
    return out.stream().distinct().toList();
  }

  static Stream<Arguments> canonical() {
    return RULES.stream().map(rule -> Arguments.of(rule.name(), rule));
  }

  static Stream<Arguments> otherSpellings() {
    return RULES.stream()
        .flatMap(
            rule -> spellings(rule.path()).stream().map(p -> Arguments.of(rule.name(), p, rule)));
  }

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.security.admin-password=" + ADMIN_PASSWORD,
            "--kubeward.security.login.max-failures-per-address=1000");
    admin = server.login("admin", ADMIN_PASSWORD);
    token = admin.createToken("paths", 1);
    Response created =
        admin.post(
            "/api/v1/users",
            Map.of(
                "username",
                "newbie",
                "password",
                "newbie-initial-password",
                "grants",
                List.of(Map.of("role", "operator", "cluster", "*", "namespace", "*"))));
    assertThat(created.status()).isEqualTo(201);
    mustChange = server.login("newbie", "newbie-initial-password");
    assertThat(mustChange.lastLogin().json().get("mustChangePassword").asBoolean()).isTrue();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Response send(Rule rule, String path) {
    Function<RunningServer.Client, Response> call =
        client -> client.send(rule.method(), path, rule.body(), Map.of());
    return switch (rule.who()) {
      case ANONYMOUS -> server.anonymous(rule.method(), path, rule.body(), Map.of());
      case MUST_CHANGE_PASSWORD -> call.apply(mustChange);
      case ADMIN_SESSION -> call.apply(server.login("admin", ADMIN_PASSWORD));
      case ADMIN_SESSION_WITHOUT_CSRF ->
          call.apply(server.login("admin", ADMIN_PASSWORD).withoutCsrf());
      case ADMIN_TOKEN -> call.apply(server.bearer(token, Map.of()));
    };
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("canonical")
  void theCanonicalPathGetsTheRulesAnswer(String name, Rule rule) {
    Response response = send(rule, rule.path());

    assertThat(response.status()).as(response.body()).isEqualTo(rule.canonicalStatus());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("otherSpellings")
  void everyOtherSpellingIsRefusedBeforeAnyRule(String name, String path, Rule rule) {
    Response response = send(rule, path);

    assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.problemCode()).isEqualTo("request.non-canonical-path");
  }

  @Test
  void aUserWhoMustChangeThePasswordGotNoTokenThroughAnySpelling() {
    Response changed =
        mustChange.post(
            "/api/v1/auth/password",
            Map.of(
                "currentPassword",
                "newbie-initial-password",
                "newPassword",
                "newbie-new-password"));
    assertThat(changed.status()).isEqualTo(204);

    assertThat(mustChange.get("/api/v1/auth/tokens").json()).isEmpty();
    mustChange.post(
        "/api/v1/auth/password",
        Map.of("currentPassword", "newbie-new-password", "newPassword", "newbie-initial-password"));
  }

  @Test
  void theConsoleCarriesASecurityPolicyWithoutUnsafeEval() {
    Response index = server.get("/index.html");

    String csp = index.raw().headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
    assertThat(index.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(index.raw().headers().firstValue("Referrer-Policy")).isPresent();
    assertThat(index.raw().headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(index.raw().headers().firstValue("Strict-Transport-Security"))
        .as("plain HTTP here: no HSTS")
        .isEmpty();
  }

  @Test
  void bothOpenApiSpellingsAnswerTheSameToASignedInUser() {
    Response json = admin.send("GET", "/v3/api-docs", null, Map.of("Accept", "*/*"));
    Response yaml = admin.send("GET", "/v3/api-docs.yaml", null, Map.of("Accept", "*/*"));

    assertThat(json.status()).isEqualTo(200);
    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.body()).contains("openapi:");
  }
}
