package io.kubeward.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in, sessions, CSRF, throttling, tokens, users and the audit log over HTTP, on a started
 * server against the local control plane. All requests come from 127.0.0.1, so the per-address
 * throttle is raised here (it has a unit test); the per-user one keeps its default of 5.
 */
@LocalControlPlane
class AccessIT {

  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static RunningServer server;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.security.admin-password=" + ADMIN_PASSWORD,
            "--kubeward.security.login.max-failures-per-address=1000");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, String> grant(String role, String cluster, String namespace) {
    return Map.of("role", role, "cluster", cluster, "namespace", namespace);
  }

  /** Creates a user as admin and signs them in with the new password they chose. */
  private static Session userWithGrants(String name, List<Map<String, String>> grants) {
    return server.newUser(name, grants);
  }

  private static JsonNode auditRecords(String query) {
    Response page = server.getAsAdmin("/api/v1/audit?" + query);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items");
  }

  @Test
  void loginSetsAnHttpOnlyStrictSessionCookieAndAReadableXsrfCookie() {
    Session session = server.login("admin", ADMIN_PASSWORD);
    Response login = session.lastLogin();

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("username").asString()).isEqualTo("admin");
    assertThat(login.json().get("admin").asBoolean()).isTrue();
    assertThat(login.json().get("mustChangePassword").asBoolean()).isFalse();
    assertThat(login.json().at("/grants/0/role").asString()).isEqualTo("admin");
    String sessionCookie = login.setCookie("KUBEWARD_SESSION");
    assertThat(sessionCookie)
        .isNotNull()
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .doesNotContainIgnoringCase("Secure"); // plain HTTP here; Secure over HTTPS
    String xsrfCookie = login.setCookie("XSRF-TOKEN");
    assertThat(xsrfCookie).isNotNull().doesNotContainIgnoringCase("HttpOnly");
    assertThat(session.get("/api/v1/auth/me").json().get("username").asString()).isEqualTo("admin");

    assertThat(session.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
    assertThat(session.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void anonymousRequestsAndBasicAuthenticationAreRefused() {
    Response anonymous = server.get("/api/v1/clusters");
    Response basic =
        server.anonymous(
            "GET",
            "/api/v1/clusters",
            null,
            Map.of("Authorization", "Basic YWRtaW46YWRtaW4tcGFzc3dvcmQtZm9yLXRlc3Rz"));

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.problemCode()).isEqualTo("auth.required");
    assertThat(basic.status()).isEqualTo(401);
  }

  @Test
  void aSessionRequestWithoutTheCsrfHeaderIsRefusedAndChangesNothing() {
    Session session = server.login("admin", ADMIN_PASSWORD);

    Response refused =
        session
            .withoutCsrf()
            .post("/api/v1/auth/tokens", Map.of("name", "no-csrf", "expiresInDays", 1));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.problemCode()).isEqualTo("auth.csrf");
    assertThat(session.get("/api/v1/auth/tokens").body()).doesNotContain("no-csrf");
  }

  /** Writes the open failed-sign-in windows, so the next failure starts a window of its own. */
  private static void flushFailedSignIns() {
    server.context().getBean(FailedSignInFlusher.class).audit().flushAll();
  }

  @Test
  void wrongPasswordsAnswer401ThenTheUserIsDelayedWith429AndTheFailuresAreAggregated() {
    userWithGrants("tom", List.of(grant("viewer", "*", "*")));
    flushFailedSignIns();

    for (int i = 0; i < 6; i++) {
      Response wrong = server.login("tom", "not-the-password-" + i).lastLogin();
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.problemCode()).isEqualTo("auth.invalid-credentials");
    }
    Response throttled = server.login("tom", "tom-chosen-password").lastLogin();

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.problemCode()).isEqualTo("auth.throttled");
    assertThat(throttled.raw().headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 2L));
    JsonNode records = auditRecords("user=tom&verb=auth.login");
    assertThat(records).hasSize(2); // the first sign-in, the first failure; the rest aggregated
    assertThat(records.get(0).get("result").asString()).isEqualTo("failure");
    assertThat(records.get(0).get("error").asString()).startsWith("auth.invalid-credentials");
    assertThat(records.get(1).get("result").asString()).isEqualTo("success");
    assertThat(records.get(1).get("cluster").asString()).isEqualTo("kubeward");
    assertThat(records.get(1).get("origin").asString()).isEqualTo("console");
    flushFailedSignIns();
    JsonNode summary = auditRecords("user=tom&verb=auth.login-failures");
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0).get("diff").asString())
        .contains("failures: 6", "reason auth.invalid-credentials: 5", "reason auth.throttled: 1");
  }

  @Test
  void aNewUserMustChangeThePasswordBeforeAnythingElse() {
    Response created =
        server
            .admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "username",
                    "dave",
                    "password",
                    "dave-initial-password",
                    "grants",
                    List.of(grant("operator", "local", "team-a"))));
    assertThat(created.status()).isEqualTo(201);
    Session dave = server.login("dave", "dave-initial-password");
    assertThat(dave.lastLogin().json().get("mustChangePassword").asBoolean()).isTrue();

    Response blocked = dave.get("/api/v1/clusters");
    assertThat(blocked.status()).isEqualTo(403);
    assertThat(blocked.problemCode()).isEqualTo("auth.password-change-required");
    assertThat(dave.get("/api/v1/auth/me").status()).isEqualTo(200);
    Response weak =
        dave.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", "dave-initial-password", "newPassword", "short"));
    assertThat(weak.status()).isEqualTo(400);
    assertThat(weak.problemCode()).isEqualTo("auth.password-too-weak");
    Response changed =
        dave.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", "dave-initial-password", "newPassword", "dave-new-password"));
    assertThat(changed.status()).isEqualTo(204);

    assertThat(dave.get("/api/v1/clusters").status()).isEqualTo(200);
    assertThat(dave.get("/api/v1/auth/me").json().get("mustChangePassword").asBoolean()).isFalse();
    assertThat(server.login("dave", "dave-new-password").lastLogin().status()).isEqualTo(200);
  }

  @Test
  void apiTokensWorkWithoutCsrfAreListedAndStopWorkingWhenRevokedOrExpired() {
    Session erin = userWithGrants("erin", List.of(grant("viewer", "local", "*")));
    Response created =
        erin.post(
            "/api/v1/auth/tokens",
            Map.of("name", "ci", "expiresInDays", 30, "canCreateTokens", true));
    assertThat(created.status()).isEqualTo(201);
    String token = created.json().get("token").asString();
    String id = created.json().get("id").asString();
    assertThat(token).startsWith("kw_").hasSize(46);

    RunningServer.Client cli = server.bearer(token, Map.of("X-Kubeward-Client", "cli"));
    assertThat(cli.get("/api/v1/auth/me").json().get("username").asString()).isEqualTo("erin");
    Response second = cli.post("/api/v1/auth/tokens", Map.of("name", "second", "expiresInDays", 1));
    assertThat(second.status()).as("no CSRF for bearer requests").isEqualTo(201);
    JsonNode listed = erin.get("/api/v1/auth/tokens").json();
    assertThat(listed).hasSize(2);
    assertThat(listed.toString()).doesNotContain(token);
    assertThat(auditRecords("user=erin&verb=token.create").get(0).get("origin").asString())
        .isEqualTo("cli");

    assertThat(erin.delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(204);
    Response revoked = cli.get("/api/v1/auth/me");
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.problemCode()).isEqualTo("auth.invalid-token");

    String secondToken = second.json().get("token").asString();
    assertThat(server.bearer(secondToken, Map.of()).get("/api/v1/auth/me").status()).isEqualTo(200);
    server
        .context()
        .getBean(JdbcClient.class)
        .sql("UPDATE api_tokens SET expires_at = ? WHERE id = ?")
        .params(
            OffsetDateTime.ofInstant(Instant.now().minusSeconds(1), ZoneOffset.UTC),
            second.json().get("id").asString())
        .update();
    assertThat(server.bearer(secondToken, Map.of()).get("/api/v1/auth/me").problemCode())
        .isEqualTo("auth.invalid-token");
    assertThat(server.bearer("kw_garbage", Map.of()).get("/api/v1/auth/me").status())
        .isEqualTo(401);
  }

  @Test
  void aViewerCannotCreateUsersAndTheDenialIsAudited() {
    Session vera = userWithGrants("vera", List.of(grant("viewer", "*", "*")));

    Response denied =
        vera.post(
            "/api/v1/users",
            Map.of(
                "username",
                "intruder",
                "password",
                "intruder-password",
                "grants",
                List.of(grant("admin", "*", "*"))));

    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.problemCode()).isEqualTo("access.denied");
    assertThat(server.getAsAdmin("/api/v1/users").body()).doesNotContain("intruder");
    JsonNode records = auditRecords("user=vera&verb=user.create");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).get("result").asString()).isEqualTo("failure");
    assertThat(records.get(0).get("error").asString()).startsWith("access.denied");
    assertThat(records.get(0).get("name").asString()).isEqualTo("intruder");
    assertThat(records.get(0).get("clientAddress").asString()).isEqualTo("127.0.0.1");
    assertThat(vera.get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(vera.get("/api/v1/users").status()).isEqualTo(403);
  }

  @Test
  void adminManagesGrantsPasswordsAndUsersButNeverRemovesTheLastAdmin() {
    userWithGrants("frank", List.of(grant("viewer", "local", "team-a")));
    Session admin = server.admin();

    Response grants =
        admin.put("/api/v1/users/frank/grants", List.of(grant("operator", "local", "team-b")));
    assertThat(grants.status()).isEqualTo(200);
    assertThat(grants.json().at("/grants/0/namespace").asString()).isEqualTo("team-b");
    assertThat(
            admin
                .post("/api/v1/users/frank/password", Map.of("password", "frank-reset-password"))
                .status())
        .isEqualTo(204);
    assertThat(
            server
                .login("frank", "frank-reset-password")
                .lastLogin()
                .json()
                .get("mustChangePassword")
                .asBoolean())
        .isTrue();
    Response lastAdmin = admin.delete("/api/v1/users/admin");
    assertThat(lastAdmin.status()).isEqualTo(409);
    assertThat(lastAdmin.problemCode()).isEqualTo("user.last-admin");
    assertThat(admin.delete("/api/v1/users/frank").status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/users").body()).doesNotContain("\"frank\"");
    assertThat(auditRecords("user=admin&kind=User&cluster=kubeward").toString())
        .contains("user.grants", "user.password-reset", "user.delete");
  }

  @Test
  void theVerifyEndpointReportsATamperedRecord() {
    server.admin().get("/api/v1/auth/me");
    JsonNode intact = server.getAsAdmin("/api/v1/audit/verify").json();
    assertThat(intact.get("intact").asBoolean()).isTrue();
    assertThat(intact.get("checked").asLong()).isPositive();
    JdbcClient jdbc = server.context().getBean(JdbcClient.class);
    long victim = jdbc.sql("SELECT MIN(seq) FROM audit_records").query(Long.class).single();
    String user =
        jdbc.sql("SELECT username FROM audit_records WHERE seq = ?")
            .param(victim)
            .query(String.class)
            .single();

    jdbc.sql("UPDATE audit_records SET username = 'mallory' WHERE seq = ?").param(victim).update();
    try {
      JsonNode tampered = server.getAsAdmin("/api/v1/audit/verify").json();
      assertThat(tampered.get("intact").asBoolean()).isFalse();
      assertThat(tampered.at("/firstBrokenLink/sequence").asLong()).isEqualTo(victim);
      assertThat(tampered.at("/firstBrokenLink/reason").asString()).contains("altered");
    } finally {
      jdbc.sql("UPDATE audit_records SET username = ? WHERE seq = ?").params(user, victim).update();
    }
    assertThat(server.getAsAdmin("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void theAuditLogIsExportedAsCsvAndJsonWithTheSameFilters() {
    flushFailedSignIns();
    server.login("nobody-at-all", "wrong-password-x");

    Response csv = server.getAsAdmin("/api/v1/audit/export?format=csv&verb=auth.login");
    Response json = server.getAsAdmin("/api/v1/audit/export?format=json&user=nobody-at-all");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.raw().headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(v -> assertThat(v).contains("attachment", "kubeward-audit.csv"));
    assertThat(csv.body()).startsWith("sequence,time,user,").contains(",nobody-at-all,");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json()).hasSize(1);
    assertThat(json.json().get(0).get("error").asString()).startsWith("auth.invalid-credentials");
    assertThat(server.getAsAdmin("/api/v1/audit/export?format=xml").status()).isEqualTo(400);
  }
}
