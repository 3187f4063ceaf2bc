package io.kubeward.server.sso;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.server.user.FailedSignInFlusher;
import io.kubeward.server.user.UserWiring;
import io.kubeward.sso.app.SsoSignIn;
import io.kubeward.user.app.SignInFailures;
import io.kubeward.user.app.UserStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Single sign-on's beans, made only when {@code kubeward.sso.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kubeward.sso", name = "enabled", havingValue = "true")
public class SsoWiring {

  @Bean
  JdbcSsoUsers ssoUsers(JdbcClient jdbc, TransactionTemplate tx, UserStore users) {
    return new JdbcSsoUsers(jdbc, tx, users);
  }

  @Bean
  SsoSignIn ssoSignIn(
      SsoProperties properties,
      JdbcSsoUsers users,
      AuditedAction audited,
      FailedSignInFlusher failedSignIns,
      MeterRegistry meters,
      Clock clock) {
    SignInFailures counted =
        failure ->
            meters
                .counter(UserWiring.SIGN_IN_FAILURES, "reason", failure.code().replace("auth.", ""))
                .increment();
    return new SsoSignIn(
        new SsoSignIn.Settings(
            properties.usernameClaim(), properties.groupsClaim(), properties.mappings()),
        users,
        audited,
        SignInFailures.all(List.of(failedSignIns.audit(), counted)),
        clock);
  }

  @Bean
  OidcSignIn oidcSignIn(SsoProperties properties, JdbcClient jdbc, SsoSignIn signIn, Clock clock) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    OidcProvider provider = new OidcProvider(properties.issuerUri(), http);
    return new OidcSignIn(
        properties,
        provider,
        new IdTokenVerifier(provider, clock, properties.clockSkew()),
        new CodeExchange(http, properties.clientId(), properties.clientSecret()),
        new PendingLogins(jdbc),
        signIn,
        clock);
  }
}
