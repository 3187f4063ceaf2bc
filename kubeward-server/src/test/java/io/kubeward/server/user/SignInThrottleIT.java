package io.kubeward.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The attack of the issue, with the default throttle: 2,000 failed sign-ins with random user names
 * from one address, then the administrator's right password from the same address signs in after at
 * most a short {@code Retry-After}; the audit log gains a handful of records, not 2,000, and the
 * failures are counted as a metric.
 */
@LocalControlPlane
class SignInThrottleIT {

  static final String ADMIN_PASSWORD = "admin-password-for-throttle";
  static RunningServer server;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=local",
            "--kubeward.security.admin-password=" + ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static long auditRecords() {
    return server
        .context()
        .getBean(JdbcClient.class)
        .sql("SELECT COUNT(*) FROM audit_records")
        .query(Long.class)
        .single();
  }

  @Test
  void twoThousandRandomNamesFromOneAddressNeitherLockOutTheAdminNorFloodTheAuditLog() {
    long before = auditRecords();
    int unauthorized = 0;
    int throttled = 0;
    for (int i = 0; i < 2000; i++) {
      Response response =
          server.login("guess-" + UUID.randomUUID(), "not-the-password-" + i).lastLogin();
      if (response.status() == 401) {
        unauthorized++;
      } else {
        assertThat(response.status()).isEqualTo(429);
        throttled++;
      }
    }
    assertThat(unauthorized + throttled).isEqualTo(2000);
    assertThat(throttled).as("the address was slowed down").isGreaterThan(1000);

    List<Long> retryAfters = new ArrayList<>();
    AtomicReference<Response> signedIn = new AtomicReference<>();
    AtomicReference<RunningServer.Session> admin = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              admin.set(server.login("admin", ADMIN_PASSWORD));
              Response login = admin.get().lastLogin();
              if (login.status() == 429) {
                retryAfters.add(
                    Long.parseLong(login.raw().headers().firstValue("Retry-After").orElseThrow()));
              }
              signedIn.set(login);
              return login.status() == 200;
            });
    assertThat(signedIn.get().json().get("username").asString()).isEqualTo("admin");
    assertThat(retryAfters).allSatisfy(seconds -> assertThat(seconds).isLessThanOrEqualTo(2));

    // the attack took less than the default 5-minute audit window: write the window now, as its
    // end (or a shutdown) would
    server.context().getBean(FailedSignInFlusher.class).audit().flushAll();
    long added = auditRecords() - before;
    assertThat(added).as("a handful of audit records, not 2,000").isBetween(2L, 10L);
    JsonNode summary =
        admin.get().get("/api/v1/audit?verb=auth.login-failures").json().at("/items/0");
    assertThat(summary.get("clientAddress").asString()).isEqualTo("127.0.0.1");
    assertThat(summary.get("diff").asString())
        .contains("failures: " + (1999 + retryAfters.size()) + "\n", "other user names:");
    assertThat(admin.get().get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    double counted =
        server
            .context()
            .getBean(MeterRegistry.class)
            .find(UserWiring.SIGN_IN_FAILURES)
            .counters()
            .stream()
            .mapToDouble(c -> c.count())
            .sum();
    assertThat(counted).isGreaterThanOrEqualTo(2000);
    assertThat(
            server
                .context()
                .getBean(MeterRegistry.class)
                .find(UserWiring.SIGN_IN_FAILURES)
                .tag("reason", "throttled")
                .counter()
                .count())
        .isEqualTo(throttled + retryAfters.size());
  }
}
