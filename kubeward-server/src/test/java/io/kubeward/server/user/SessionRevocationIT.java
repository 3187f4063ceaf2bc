package io.kubeward.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.EventStream;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Changing or resetting a password, disabling or deleting a user and narrowing grants end that
 * user's sessions (every other one, for an own change), API tokens where asked, and open streams at
 * once; a change made by another replica (the credential epoch moved in the database) ends streams
 * within the re-check interval. Streams are limited per user.
 */
@LocalControlPlane
class SessionRevocationIT {

  static final String ADMIN_PASSWORD = "admin-password-for-sessions";
  static final String STREAM = "/api/v1/clusters/local/stream";
  static RunningServer server;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.security.admin-password=" + ADMIN_PASSWORD,
            "--kubeward.security.login.max-failures-per-address=1000",
            "--kubeward.stream.max-per-user=3",
            "--kubeward.stream.revalidate-interval=1s",
            "--kubeward.stream.heartbeat=2s");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, String> grant(String role, String namespace) {
    return Map.of("role", role, "cluster", "local", "namespace", namespace);
  }

  private static void create(String name, String password, List<Map<String, String>> grants) {
    Response created =
        server
            .admin()
            .post(
                "/api/v1/users", Map.of("username", name, "password", password, "grants", grants));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  /** A user with a chosen password (the first change done), signed in. */
  private static Session user(String name) {
    create(name, name + "-initial-password", List.of(grant("operator", "*")));
    Session first = server.login(name, name + "-initial-password");
    assertThat(
            first
                .post(
                    "/api/v1/auth/password",
                    Map.of(
                        "currentPassword",
                        name + "-initial-password",
                        "newPassword",
                        name + "-password-1"))
                .status())
        .isEqualTo(204);
    return server.login(name, name + "-password-1");
  }

  private static void awaitClosed(EventStream stream) {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(stream.ended()).isTrue();
              assertThat(stream.lines()).contains("event:closed");
            });
  }

  private static EventStream openStream(RunningServer.Client client) {
    EventStream stream = client.stream(STREAM);
    assertThat(stream.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines().contains(":connected"));
    return stream;
  }

  @Test
  void changingThePasswordEndsEveryOtherSessionEvenTheTemporaryOnesAndKeepsThisOne() {
    create("sam", "sam-temporary-password", List.of(grant("viewer", "*")));
    Session temporary = server.login("sam", "sam-temporary-password");
    Session changing = server.login("sam", "sam-temporary-password");
    String oldId = changing.cookie("KUBEWARD_SESSION");

    Response changed =
        changing.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", "sam-temporary-password", "newPassword", "sam-password-1"));

    assertThat(changed.status()).isEqualTo(204);
    assertThat(changing.get("/api/v1/clusters").status()).isEqualTo(200);
    assertThat(changing.cookie("KUBEWARD_SESSION")).isNotEqualTo(oldId);
    assertThat(temporary.get("/api/v1/auth/me").status()).isEqualTo(401);
    Response replayed =
        server.anonymous(
            "GET", "/api/v1/auth/me", null, Map.of("Cookie", "KUBEWARD_SESSION=" + oldId));
    assertThat(replayed.status()).as("the temporary password's session id").isEqualTo(401);
  }

  @Test
  void anOwnChangeRevokesTokensUnlessAskedNotToAndClosesStreams() {
    Session one = user("tina");
    Session two = server.login("tina", "tina-password-1");
    String token = one.createToken("ci", 1);
    EventStream stream = openStream(two);

    Response keepTokens =
        one.post(
            "/api/v1/auth/password",
            Map.of(
                "currentPassword",
                "tina-password-1",
                "newPassword",
                "tina-password-2",
                "revokeTokens",
                false));
    assertThat(keepTokens.status()).isEqualTo(204);
    assertThat(two.get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(one.get("/api/v1/auth/me").status()).isEqualTo(200);
    assertThat(server.bearer(token, Map.of()).get("/api/v1/auth/me").status()).isEqualTo(200);
    awaitClosed(stream);

    Response revoke =
        one.post(
            "/api/v1/auth/password",
            Map.of("currentPassword", "tina-password-2", "newPassword", "tina-password-3"));
    assertThat(revoke.status()).isEqualTo(204);
    assertThat(server.bearer(token, Map.of()).get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(one.get("/api/v1/auth/me").status()).isEqualTo(200);
  }

  @Test
  void anAdminResetEndsSessionsTokensAndStreamsAtOnce() {
    Session ulla = user("ulla");
    String token = ulla.createToken("ci", 1);
    EventStream viaToken = openStream(server.bearer(token, Map.of()));
    EventStream viaSession = openStream(ulla);

    Response reset =
        server.admin().post("/api/v1/users/ulla/password", Map.of("password", "ulla-reset-pass-1"));

    assertThat(reset.status()).isEqualTo(204);
    assertThat(ulla.get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(server.bearer(token, Map.of()).get("/api/v1/auth/me").status()).isEqualTo(401);
    awaitClosed(viaToken);
    awaitClosed(viaSession);
  }

  @Test
  void aDisabledUserIsSignedOutCannotSignInAndIsAudited() {
    Session vic = user("vic");
    String token = vic.createToken("ci", 1);
    EventStream stream = openStream(vic);

    Response disabled = server.admin().post("/api/v1/users/vic/disable", null);

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
    assertThat(vic.get("/api/v1/auth/me").status()).isEqualTo(401);
    assertThat(server.bearer(token, Map.of()).get("/api/v1/auth/me").status()).isEqualTo(401);
    awaitClosed(stream);
    Response refused = server.login("vic", "vic-password-1").lastLogin();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.problemCode()).isEqualTo("auth.user-disabled");
    assertThat(server.login("vic", "wrong-password-1").lastLogin().problemCode())
        .isEqualTo("auth.invalid-credentials");

    assertThat(server.admin().post("/api/v1/users/vic/enable", null).status()).isEqualTo(200);
    assertThat(server.login("vic", "vic-password-1").lastLogin().status()).isEqualTo(200);
    assertThat(server.bearer(token, Map.of()).get("/api/v1/auth/me").status())
        .as("tokens revoked by the disable stay revoked")
        .isEqualTo(401);
    JsonNode audit = server.getAsAdmin("/api/v1/audit?kind=User&cluster=kubeward").json();
    assertThat(audit.toString()).contains("user.disable", "user.enable");
    Response lastAdmin = server.admin().post("/api/v1/users/admin/disable", null);
    assertThat(lastAdmin.status()).isEqualTo(409);
    assertThat(lastAdmin.problemCode()).isEqualTo("user.last-admin");
  }

  @Test
  void signingOutEndsTheStreamsOfThatSessionOnly() {
    Session one = user("ada");
    Session two = server.login("ada", "ada-password-1");
    EventStream first = openStream(one);
    EventStream second = openStream(two);

    assertThat(one.post("/api/v1/auth/logout", null).status()).isEqualTo(204);

    awaitClosed(first);
    assertThat(second.ended()).isFalse();
    assertThat(two.get("/api/v1/auth/me").status()).isEqualTo(200);
    second.close();
  }

  @Test
  void deletingAUserEndsTheirStreams() {
    Session wes = user("wes");
    EventStream stream = openStream(wes);

    assertThat(server.admin().delete("/api/v1/users/wes").status()).isEqualTo(204);

    assertThat(wes.get("/api/v1/auth/me").status()).isEqualTo(401);
    awaitClosed(stream);
  }

  @Test
  void narrowingGrantsEndsSessionsAndStreamsButWideningDoesNot() {
    Session xia = user("xia");
    String token = xia.createToken("ci", 1);
    EventStream stream = openStream(xia);

    Response wider =
        server
            .admin()
            .put(
                "/api/v1/users/xia/grants",
                List.of(grant("operator", "*"), grant("viewer", "team-z")));
    assertThat(wider.status()).isEqualTo(200);
    assertThat(xia.get("/api/v1/auth/me").status()).isEqualTo(200);

    Response narrower =
        server.admin().put("/api/v1/users/xia/grants", List.of(grant("viewer", "team-z")));
    assertThat(narrower.status()).isEqualTo(200);
    assertThat(xia.get("/api/v1/auth/me").status()).isEqualTo(401);
    awaitClosed(stream);
    JsonNode me = server.bearer(token, Map.of()).get("/api/v1/auth/me").json();
    assertThat(me.at("/grants/0/namespace").asString())
        .as("a token keeps working with the narrowed grants, read per request")
        .isEqualTo("team-z");
  }

  @Test
  void aChangeMadeByAnotherReplicaEndsStreamsWithinTheRecheckInterval() {
    Session yan = user("yan");
    EventStream stream = openStream(yan);

    // another replica changed the password: only the database knows
    server
        .context()
        .getBean(JdbcClient.class)
        .sql("UPDATE users SET credential_epoch = credential_epoch + 1 WHERE username = 'yan'")
        .update();

    awaitClosed(stream);
    assertThat(yan.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void streamsAreLimitedPerUserWithRetryAfter() {
    Session zoe = user("zoe");
    List<EventStream> open = List.of(openStream(zoe), openStream(zoe), openStream(zoe));

    EventStream refused = zoe.stream(STREAM);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();
    await().atMost(Duration.ofSeconds(5)).until(refused::ended);
    assertThat(String.join("\n", refused.lines())).contains("stream.too-many");
    open.getFirst().close();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              try (EventStream again = zoe.stream(STREAM)) {
                assertThat(again.status()).isEqualTo(200);
              }
            });
    open.forEach(EventStream::close);
  }
}
