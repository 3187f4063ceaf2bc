package io.kubeward.server.user;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.server.config.KubewardProperties;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.BootstrapAdmin;
import io.kubeward.user.app.ChangePassword;
import io.kubeward.user.app.ClusterGrants;
import io.kubeward.user.app.LoginThrottle;
import io.kubeward.user.app.PasswordHasher;
import io.kubeward.user.app.SignIn;
import io.kubeward.user.app.TokenStore;
import io.kubeward.user.app.UserAdministration;
import io.kubeward.user.app.UserStore;
import io.kubeward.user.kube.KubeClusterGrants;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  @Bean
  SignIn signIn(
      UserStore users, PasswordHasher hasher, LoginThrottle throttle, AuditedAction audited) {
    return new SignIn(users, hasher, throttle, audited);
  }

  @Bean
  ChangePassword changePassword(
      UserStore users, PasswordHasher hasher, AuditedAction audited, Clock clock) {
    return new ChangePassword(users, hasher, audited, clock);
  }

  @Bean
  UserAdministration userAdministration(
      UserStore users,
      ClusterGrants clusterGrants,
      PasswordHasher hasher,
      AuditedAction audited,
      Clock clock) {
    return new UserAdministration(users, clusterGrants, hasher, audited, clock);
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
   * Creates {@code admin} on the first start (a generated password is logged once and must be
   * changed at the first sign-in); later starts create and print nothing.
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
      String line = "=".repeat(72);
      log.warn(
          "\n{}\n  First login: user {}, password {}\n"
              + "  (generated at this first start and shown only now; you will be asked to change"
              + " it)\n{}",
          line,
          admin.username(),
          admin.password(),
          line);
    } else {
      log.info("Created user {} with kubeward.security.admin-password", admin.username());
    }
    return new InitialCredentials(admin.username(), admin.password(), admin.generated());
  }
}
