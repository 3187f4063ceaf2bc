package io.kubeward.server.security;

import io.kubeward.server.config.KubewardProperties;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Minimal, secure-by-default access until users live in a database (next issue, which replaces this
 * class): everything but {@code /healthz} needs HTTP Basic as {@code admin}; no sessions.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemEntryPoint entryPoint)
      throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/healthz", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.realmName("Kubeward").authenticationEntryPoint(entryPoint))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  @Bean
  InitialCredentials initialCredentials(KubewardProperties properties) {
    InitialCredentials credentials =
        InitialCredentials.configuredOrGenerated(
            properties.security().adminPassword(), new SecureRandom());
    if (credentials.generated()) {
      String line = "=".repeat(72);
      log.warn(
          "\n{}\n  First login: user {}, password {}\n"
              + "  (generated for this run only and shown once; set"
              + " kubeward.security.admin-password to choose it)\n{}",
          line,
          credentials.username(),
          credentials.password(),
          line);
    } else {
      log.info("User {}: password from kubeward.security.admin-password", credentials.username());
    }
    return credentials;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  UserDetailsService users(InitialCredentials credentials, PasswordEncoder encoder) {
    return new InMemoryUserDetailsManager(
        User.withUsername(credentials.username())
            .password(encoder.encode(credentials.password()))
            .roles("ADMIN")
            .build());
  }
}
