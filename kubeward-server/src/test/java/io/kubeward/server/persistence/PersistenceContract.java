package io.kubeward.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.access.domain.AccessPolicy;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.TokenScope;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.domain.AuditChain;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.common.KubewardException;
import io.kubeward.server.audit.JdbcAuditLog;
import io.kubeward.server.user.JdbcTokenStore;
import io.kubeward.server.user.JdbcUserStore;
import io.kubeward.user.app.AuthException;
import io.kubeward.user.domain.ApiToken;
import io.kubeward.user.domain.UserAccount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JDBC stores and the migrations, the same tests on each database Kubeward supports: each
 * subclass gives a fresh, empty database per test.
 */
abstract class PersistenceContract {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123Z");
  static final List<Grant> ADMIN = List.of(new Grant(Role.ADMIN, Scope.everywhere()));

  HikariDataSource dataSource;
  Flyway flyway;
  JdbcClient jdbc;
  JdbcUserStore users;
  JdbcTokenStore tokens;
  JdbcAuditLog audit;

  /** A JDBC URL of a new, empty database. */
  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = TestDatabases.open(newDatabaseUrl(), user(), 8);
    flyway = Flyway.configure().dataSource(dataSource).load();
    flyway.migrate();
    jdbc = JdbcClient.create(dataSource);
    TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    users = new JdbcUserStore(jdbc, tx);
    tokens = new JdbcTokenStore(jdbc);
    audit = new JdbcAuditLog(jdbc, tx);
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  @Test
  void migrationsApplyAndAreRecorded() {
    MigrationInfo[] applied = flyway.info().applied();
    assertThat(applied).isNotEmpty();
    assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
    assertThat(flyway.migrate().migrationsExecuted).isZero();
    assertThat(users.isEmpty()).isTrue();
    assertThat(audit.verifyChain().intact()).isTrue();
    assertThat(audit.verifyChain().checked()).isZero();
  }

  @Test
  void usersAndGrantsRoundTrip() {
    List<Grant> grants =
        List.of(
            new Grant(Role.OPERATOR, Scope.namespace("prod", "team-a")),
            new Grant(Role.VIEWER, Scope.cluster("*")));
    UserAccount created = users.create("alice", "hash-1", true, grants, NOW);

    UserAccount read = users.findByUsername("alice").orElseThrow();
    assertThat(read.id()).isEqualTo(created.id());
    assertThat(read.passwordHash()).isEqualTo("hash-1");
    assertThat(read.mustChangePassword()).isTrue();
    assertThat(read.createdAt()).isEqualTo(NOW);
    assertThat(read.grants()).containsExactlyInAnyOrderElementsOf(grants);
    assertThat(users.findById(created.id())).contains(read);
    assertThat(users.isEmpty()).isFalse();

    users.setPassword("alice", "hash-2", false, NOW.plusSeconds(1));
    UserAccount after =
        users.setGrants("alice", List.of(new Grant(Role.VIEWER, Scope.namespace("dev", "x"))));
    assertThat(after.passwordHash()).isEqualTo("hash-2");
    assertThat(after.mustChangePassword()).isFalse();
    assertThat(after.grants()).containsExactly(new Grant(Role.VIEWER, Scope.namespace("dev", "x")));

    users.create("admin", "h", false, ADMIN, NOW);
    assertThat(users.list()).extracting(UserAccount::username).containsExactly("admin", "alice");
    assertThat(users.list().getFirst().isAdmin()).isTrue();

    users.delete("alice");
    assertThat(users.findByUsername("alice")).isEmpty();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM user_grants WHERE user_id = ?")
                .param(created.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void duplicateNamesAndUnknownUsersAreRefused() {
    users.create("bob", "h", false, List.of(), NOW);

    assertThatThrownBy(() -> users.create("bob", "h", false, List.of(), NOW))
        .isInstanceOf(AuthException.class)
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.exists");
    assertThatThrownBy(() -> users.setPassword("nobody", "h", false, NOW))
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.not-found");
    assertThatThrownBy(() -> users.delete("nobody"))
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.not-found");
  }

  @Test
  void theLastAdministratorCanNeitherBeDeletedNorDemoted() {
    users.create("admin", "h", false, ADMIN, NOW);

    assertThatThrownBy(() -> users.delete("admin"))
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.last-admin");
    assertThatThrownBy(
            () -> users.setGrants("admin", List.of(new Grant(Role.VIEWER, Scope.everywhere()))))
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.last-admin");
    assertThat(users.findByUsername("admin").orElseThrow().isAdmin()).isTrue();

    users.create("second", "h", false, ADMIN, NOW);
    users.delete("admin");
    assertThat(users.list()).extracting(UserAccount::username).containsExactly("second");
    assertThat(AccessPolicy.isAdmin(users.list().getFirst().principal())).isTrue();
  }

  @Test
  void tokensAreFoundByHashTouchedRevokedAndDeletedWithTheirUser() {
    UserAccount carol = users.create("carol", "h", false, List.of(), NOW);
    ApiToken token =
        new ApiToken("t-1", carol.id(), "ci", NOW, NOW.plus(30, ChronoUnit.DAYS), null, null);
    tokens.create(token, "a".repeat(64));

    assertThat(tokens.findBySecretHash("a".repeat(64))).contains(token);
    assertThat(tokens.findBySecretHash("b".repeat(64))).isEmpty();
    assertThat(tokens.listByUser(carol.id())).containsExactly(token);

    tokens.touch("t-1", NOW.plusSeconds(5));
    tokens.touch("t-1", NOW.plusSeconds(10)); // within a minute: not written
    assertThat(tokens.findBySecretHash("a".repeat(64)).orElseThrow().lastUsedAt())
        .isEqualTo(NOW.plusSeconds(5));

    assertThat(tokens.revoke("t-1", carol.id() + 1, NOW)).isFalse();
    assertThat(tokens.revoke("t-1", carol.id(), NOW.plusSeconds(20))).isTrue();
    assertThat(tokens.revoke("t-1", carol.id(), NOW.plusSeconds(30))).isFalse();
    ApiToken revoked = tokens.findBySecretHash("a".repeat(64)).orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(NOW.plusSeconds(20));
    assertThat(revoked.isUsableAt(NOW.plusSeconds(21))).isFalse();
    assertThat(tokens.listByUser(carol.id())).isEmpty();

    tokens.create(
        new ApiToken("t-2", carol.id(), "cli", NOW, NOW.plusSeconds(60), null, null),
        "c".repeat(64));
    users.delete("carol");
    assertThat(tokens.findBySecretHash("c".repeat(64))).isEmpty();
  }

  @Test
  void theCredentialEpochRisesWithEveryPasswordSetDisableAndEndOfSessions() {
    UserAccount dan = users.create("dan", "h", true, List.of(), NOW);
    assertThat(dan.credentialEpoch()).isZero();
    assertThat(dan.disabled()).isFalse();

    UserAccount changed = users.setPassword("dan", "h2", false, NOW.plusSeconds(1));
    assertThat(changed.credentialEpoch()).isEqualTo(1);
    assertThat(changed.passwordHash()).isEqualTo("h2");
    assertThat(users.endSessions("dan").credentialEpoch()).isEqualTo(2);
    UserAccount disabled = users.setDisabled("dan", true);
    assertThat(disabled.disabled()).isTrue();
    assertThat(disabled.credentialEpoch()).isEqualTo(3);
    UserAccount enabled = users.setDisabled("dan", false);
    assertThat(enabled.disabled()).isFalse();
    assertThat(enabled.credentialEpoch()).isEqualTo(3);
    assertThat(users.findById(dan.id()).orElseThrow()).isEqualTo(enabled);
    assertThatThrownBy(() -> users.endSessions("nobody"))
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.not-found");
  }

  @Test
  void theLastEnabledAdministratorCanNeitherBeDisabledNorOutlivedByADisabledOne() {
    users.create("admin", "h", false, ADMIN, NOW);
    users.create("second", "h", false, ADMIN, NOW);

    users.setDisabled("second", true);
    assertThatThrownBy(() -> users.setDisabled("admin", true))
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.last-admin");
    assertThatThrownBy(() -> users.delete("admin"))
        .as("a disabled administrator does not count")
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("user.last-admin");
    users.setDisabled("second", false);
    users.setDisabled("admin", true);
    assertThat(users.findByUsername("admin").orElseThrow().disabled()).isTrue();
  }

  @Test
  void tokenScopesRoundTripAndAllTokensOfAUserAreRevokedAtOnce() {
    UserAccount erin = users.create("erin", "h", false, List.of(), NOW);
    ApiToken scoped =
        new ApiToken(
            "t-s",
            erin.id(),
            "scoped",
            NOW,
            NOW.plus(1, ChronoUnit.DAYS),
            null,
            null,
            new TokenScope(true, "prod", Set.of("b", "a"), true));
    ApiToken plain =
        new ApiToken("t-p", erin.id(), "plain", NOW, NOW.plus(1, ChronoUnit.DAYS), null, null);
    tokens.create(scoped, "d".repeat(64));
    tokens.create(plain, "e".repeat(64));

    assertThat(tokens.findById("t-s")).contains(scoped);
    assertThat(tokens.findBySecretHash("e".repeat(64)).orElseThrow().scope())
        .isEqualTo(new TokenScope(false, null, Set.of(), false));
    assertThat(tokens.revokeAll(erin.id(), NOW.plusSeconds(5))).isEqualTo(2);
    assertThat(tokens.revokeAll(erin.id(), NOW.plusSeconds(6))).isZero();
    assertThat(tokens.findById("t-p").orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(tokens.listByUser(erin.id())).isEmpty();
  }

  static AuditEntry entry(int i, String user, AuditEntry.Result result) {
    return new AuditEntry(
        NOW.plusSeconds(i),
        user,
        Origin.CONSOLE,
        "10.0.0." + i,
        "prod",
        "team-a",
        "ConfigMap",
        "cm-" + i,
        i % 2 == 0 ? "apply" : "delete",
        "-a\n+b" + i,
        result,
        result == AuditEntry.Result.FAILURE ? "access.denied: no" : null);
  }

  @Test
  void auditRecordsAreChainedFoundByFilterAndPaged() {
    for (int i = 1; i <= 5; i++) {
      audit.append(entry(i, i <= 3 ? "alice" : "bob", AuditEntry.Result.SUCCESS));
    }
    audit.append(entry(6, "bob", AuditEntry.Result.FAILURE));

    List<AuditRecord> latest = audit.find(AuditQuery.latest(10));
    assertThat(latest).extracting(AuditRecord::sequence).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(latest.getLast().previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(latest.getFirst().entry()).isEqualTo(entry(6, "bob", AuditEntry.Result.FAILURE));

    assertThat(audit.find(query("alice", null, null, null, null, null, 10)))
        .extracting(AuditRecord::sequence)
        .containsExactly(3L, 2L, 1L);
    assertThat(
            audit.find(
                query(null, "configmap", "apply", AuditEntry.Result.SUCCESS, null, null, 10)))
        .extracting(AuditRecord::sequence)
        .containsExactly(4L, 2L);
    assertThat(audit.find(query(null, null, null, AuditEntry.Result.FAILURE, null, null, 10)))
        .extracting(AuditRecord::sequence)
        .containsExactly(6L);
    assertThat(
            audit.find(
                new AuditQuery(
                    null,
                    "prod",
                    "team-a",
                    null,
                    null,
                    null,
                    NOW.plusSeconds(2),
                    NOW.plusSeconds(4),
                    null,
                    10)))
        .extracting(AuditRecord::sequence)
        .containsExactly(3L, 2L);
    assertThat(audit.find(query(null, null, null, null, 5L, null, 2)))
        .extracting(AuditRecord::sequence)
        .containsExactly(4L, 3L);

    AuditChain.Verification verification = audit.verifyChain();
    assertThat(verification.intact()).isTrue();
    assertThat(verification.checked()).isEqualTo(6);
  }

  private static AuditQuery query(
      String user,
      String kind,
      String verb,
      AuditEntry.Result result,
      Long before,
      Instant from,
      int limit) {
    return new AuditQuery(user, null, null, kind, verb, result, from, null, before, limit);
  }

  @Test
  void aRecordAlteredInTheDatabaseIsDetected() {
    for (int i = 1; i <= 5; i++) {
      audit.append(entry(i, "alice", AuditEntry.Result.SUCCESS));
    }

    // An attacker with database access rewrites who did it.
    jdbc.sql("UPDATE audit_records SET username = 'mallory' WHERE seq = 3").update();

    AuditChain.Verification verification = audit.verifyChain();
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenLink().orElseThrow().sequence()).isEqualTo(3);
    assertThat(verification.firstBrokenLink().orElseThrow().reason()).contains("altered");
  }

  @Test
  void recordsRemovedFromTheEndOrTheMiddleAreDetected() {
    for (int i = 1; i <= 5; i++) {
      audit.append(entry(i, "alice", AuditEntry.Result.SUCCESS));
    }

    jdbc.sql("DELETE FROM audit_records WHERE seq = 5").update();
    assertThat(audit.verifyChain().firstBrokenLink().orElseThrow().sequence()).isEqualTo(5);

    jdbc.sql("DELETE FROM audit_records WHERE seq = 2").update();
    assertThat(audit.verifyChain().firstBrokenLink().orElseThrow())
        .satisfies(
            link -> {
              assertThat(link.sequence()).isEqualTo(2);
              assertThat(link.reason()).contains("missing");
            });
  }

  @Test
  void verificationWalksLongChainsInBatches() {
    int count = JdbcAuditLog.VERIFY_BATCH * 2 + 7;
    for (int i = 1; i <= count; i++) {
      audit.append(entry(i, "alice", AuditEntry.Result.SUCCESS));
    }
    assertThat(audit.verifyChain().checked()).isEqualTo(count);
    assertThat(audit.verifyChain().intact()).isTrue();
  }

  @Test
  void concurrentAppendsFromSeveralLogsFormOneGaplessChain() throws Exception {
    // Two log instances stand for two replicas: only the database lock orders them.
    TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    List<JdbcAuditLog> replicas = List.of(audit, new JdbcAuditLog(jdbc, tx));
    int threads = 6;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        JdbcAuditLog log = replicas.get(t % 2);
        int thread = t;
        work.add(
            () -> {
              for (int i = 0; i < perThread; i++) {
                log.append(entry(thread * 100 + i, "t" + thread, AuditEntry.Result.SUCCESS));
              }
              return null;
            });
      }
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<AuditRecord> all = audit.find(AuditQuery.latest(AuditQuery.MAX_LIMIT));
    assertThat(all).hasSize(threads * perThread);
    assertThat(all.getFirst().sequence()).isEqualTo(threads * perThread);
    assertThat(audit.verifyChain().intact()).isTrue();
    assertThat(audit.verifyChain().checked()).isEqualTo(threads * perThread);
  }
}
