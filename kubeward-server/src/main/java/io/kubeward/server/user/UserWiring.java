package io.kubeward.server.user;

import io.kubeward.audit.app.AuditLog;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.server.config.KubewardProperties;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.BootstrapAdmin;
import io.kubeward.user.app.ChangePassword;
import io.kubeward.user.app.ClusterGrants;
import io.kubeward.user.app.FailedSignInAudit;
import io.kubeward.user.app.LoginThrottle;
import io.kubeward.user.app.OpenSessions;
import io.kubeward.user.app.PasswordHasher;
import io.kubeward.user.app.SignIn;
import io.kubeward.user.app.SignInFailures;
import io.kubeward.user.app.TokenStore;
import io.kubeward.user.app.UserAdministration;
import io.kubeward.user.app.UserStore;
import io.kubeward.user.kube.KubeClusterGrants;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The user, sign-in and token use cases, on the JDBC stores and the injected {@link Clock}. */
@Configuration(proxyBeanMethods = false)
public class UserWiring {

  private static final Logger log = LoggerFactory.getLogger(UserWiring.class);

  @Bean
  UserStore userStore(JdbcClient jdbc, TransactionTemplate tx) {
    return new JdbcUserStore(jdbc, tx);
  }

  @Bean
  TokenStore tokenStore(JdbcClient jdbc) {
    return new JdbcTokenStore(jdbc);
  }

  @Bean
  PasswordHasher passwordHasher() {
    BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    return new PasswordHasher() {
      @Override
      public String hash(String password) {
        return bcrypt.encode(password);
      }

      @Override
      public boolean matches(String password, String hash) {
        try {
          return bcrypt.matches(password, hash);
        } catch (IllegalArgumentException tooLong) {
          return false;
        }
      }
    };
  }

  @Bean
  LoginThrottle loginThrottle(LoginProperties properties, Clock clock) {
    return new LoginThrottle(properties.settings(), clock);
  }

  /** Until the health feature brings a Prometheus registry: meters kept in memory. */
  @Bean
  @ConditionalOnMissingBean(MeterRegistry.class)
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  /** Failed sign-ins aggregated in the audit log, written when their window ends. */
  @Bean(destroyMethod = "close")
  FailedSignInFlusher failedSignInAudit(AuditLog log, Clock clock, LoginProperties properties) {
    return new FailedSignInFlusher(
        new FailedSignInAudit(
            log, clock, properties.auditWindow(), properties.auditMaxAddresses()));
  }

  @Bean
  SignIn signIn(
      UserStore users,
      PasswordHasher hasher,
      LoginThrottle throttle,
      AuditedAction audited,
      FailedSignInFlusher failedSignIns,
      MeterRegistry meters,
      Clock clock) {
    SignInFailures counted =
        failure ->
            meters
                .counter(SIGN_IN_FAILURES, "reason", failure.code().replace("auth.", ""))
                .increment();
    return new SignIn(
        users,
        hasher,
        throttle,
        audited,
        SignInFailures.all(List.of(failedSignIns.audit(), counted)),
        clock);
  }

  /** Counter of failed sign-ins, tagged {@code reason} (invalid-credentials, throttled, ...). */
  public static final String SIGN_IN_FAILURES = "kubeward.signin.failures";

  @Bean
  ChangePassword changePassword(
      UserStore users,
      TokenStore tokens,
      PasswordHasher hasher,
      AuditedAction audited,
      Clock clock,
      OpenSessions openSessions) {
    return new ChangePassword(users, tokens, hasher, audited, clock, openSessions);
  }

  @Bean
  UserAdministration userAdministration(
      UserStore users,
      ClusterGrants clusterGrants,
      TokenStore tokens,
      PasswordHasher hasher,
      AuditedAction audited,
      Clock clock,
      OpenSessions openSessions) {
    return new UserAdministration(
        users, clusterGrants, tokens, hasher, audited, clock, openSessions);
  }

  /** Grants become RBAC bindings in the clusters, written with the administrator's identity. */
  @Bean
  ClusterGrants clusterGrants(ClusterRegistry clusters, ClusterClients clients) {
    return new KubeClusterGrants(clusters, clients);
  }

  @Bean
  ApiTokens apiTokens(TokenStore tokens, UserStore users, AuditedAction audited, Clock clock) {
    return new ApiTokens(tokens, users, audited, clock, new SecureRandom());
  }

  /**
   * Creates {@code admin} on the first start (a generated password is printed once to the process's
   * standard output, never logged, and must be changed at the first sign-in); later starts create
   * and print nothing.
   */
  @Bean
  InitialCredentials initialCredentials(
      KubewardProperties properties, UserStore users, PasswordHasher hasher, Clock clock) {
    SecureRandom random = new SecureRandom();
    String configured = properties.security().adminPassword();
    Optional<BootstrapAdmin.Created> created =
        new BootstrapAdmin(users, hasher, clock)
            .ensureAdmin(configured, () -> InitialCredentials.generatePassword(random));
    if (created.isEmpty()) {
      if (configured != null) {
        log.info(
            "Users exist already: kubeward.security.admin-password is only used on the first"
                + " start and was ignored");
      }
      return new InitialCredentials(InitialCredentials.ADMIN, null, false);
    }
    BootstrapAdmin.Created admin = created.get();
    if (admin.generated()) {
      FirstPasswordNotice.print(System.out, admin.username(), admin.password());
      log.info(
          "Created user {} with a generated password, printed once to the standard output of this"
              + " process (not to the log); it must be changed at the first sign-in",
          admin.username());
    } else {
      log.info("Created user {} with kubeward.security.admin-password", admin.username());
    }
    return new InitialCredentials(admin.username(), admin.password(), admin.generated());
  }
}
