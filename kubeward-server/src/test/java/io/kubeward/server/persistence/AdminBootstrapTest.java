package io.kubeward.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.server.user.JdbcUserStore;
import io.kubeward.user.app.BootstrapAdmin;
import io.kubeward.user.app.PasswordHasher;
import io.kubeward.user.domain.UserAccount;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** First start creates admin; a restart on the same database creates and reveals nothing. */
class AdminBootstrapTest {

  @TempDir Path dataDir;
  private HikariDataSource dataSource;
  private JdbcUserStore users;

  @BeforeEach
  void migrate() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(new PersistenceProperties(dataDir).h2Url());
    Flyway.configure().dataSource(dataSource).load().migrate();
    users =
        new JdbcUserStore(
            JdbcClient.create(dataSource),
            new TransactionTemplate(new JdbcTransactionManager(dataSource)));
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
  private final PasswordHasher hasher =
      new PasswordHasher() {
        @Override
        public String hash(String password) {
          return bcrypt.encode(password);
        }

        @Override
        public boolean matches(String password, String hash) {
          return bcrypt.matches(password, hash);
        }
      };

  @Test
  void replicasStartingAtOnceOnOneEmptyDatabaseCreateOneAdminAndAllStart() throws Exception {
    int replicas = 4;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(replicas);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(replicas);
    try {
      java.util.List<java.util.concurrent.Future<java.util.Optional<BootstrapAdmin.Created>>>
          results = new java.util.ArrayList<>();
      for (int i = 0; i < replicas; i++) {
        int replica = i;
        results.add(
            pool.submit(
                () -> {
                  BootstrapAdmin bootstrap = new BootstrapAdmin(users, hasher, Clock.systemUTC());
                  start.await();
                  return bootstrap.ensureAdmin(null, () -> "generated-" + replica + "-password");
                }));
      }
      java.util.List<BootstrapAdmin.Created> created = new java.util.ArrayList<>();
      for (var result : results) {
        result.get(30, java.util.concurrent.TimeUnit.SECONDS).ifPresent(created::add);
      }
      assertThat(created).hasSize(1);
      UserAccount admin = users.findByUsername("admin").orElseThrow();
      assertThat(bcrypt.matches(created.getFirst().password(), admin.passwordHash())).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aGeneratedPasswordIsMadeOnceAndMustBeChanged() {
    AtomicInteger generated = new AtomicInteger();
    BootstrapAdmin bootstrap = new BootstrapAdmin(users, hasher, Clock.systemUTC());

    BootstrapAdmin.Created first =
        bootstrap
            .ensureAdmin(null, () -> "generated-" + generated.incrementAndGet() + "-password")
            .orElseThrow();
    assertThat(first.generated()).isTrue();
    UserAccount admin = users.findByUsername("admin").orElseThrow();
    assertThat(admin.isAdmin()).isTrue();
    assertThat(admin.mustChangePassword()).isTrue();
    assertThat(bcrypt.matches(first.password(), admin.passwordHash())).isTrue();
    assertThat(admin.passwordHash()).doesNotContain(first.password());

    // restart, even with a configured password now
    assertThat(bootstrap.ensureAdmin("configured-password", () -> "never")).isEmpty();
    assertThat(bootstrap.ensureAdmin(null, () -> "never")).isEmpty();
    assertThat(generated).hasValue(1);
    assertThat(users.findByUsername("admin").orElseThrow().passwordHash())
        .isEqualTo(admin.passwordHash());
  }

  @Test
  void aConfiguredPasswordNeedsNoChange() {
    BootstrapAdmin.Created created =
        new BootstrapAdmin(users, hasher, Clock.systemUTC())
            .ensureAdmin("configured-password", () -> "never")
            .orElseThrow();

    assertThat(created.generated()).isFalse();
    assertThat(users.findByUsername("admin").orElseThrow().mustChangePassword()).isFalse();
  }
}
