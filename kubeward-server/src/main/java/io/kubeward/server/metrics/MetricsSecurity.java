package io.kubeward.server.metrics;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read {@code /metrics} (ADR 0017). Metrics are served only on the management port (a
 * separate port of its own, bound to {@code management.server.address}, 127.0.0.1 by default),
 * never on the API's port, and never to anonymous callers from elsewhere:
 *
 * <ul>
 *   <li>without {@code kubeward.metrics.token}, the loopback-bound management port answers anyone
 *       who can connect to it, i.e. processes on the same host (or pod: a sidecar, a node agent
 *       with host networking does not reach a pod's loopback);
 *   <li>with a token, every request needs {@code Authorization: Bearer <token>}; a management
 *       address that is not a loopback address requires a token, or Kubeward does not start.
 * </ul>
 *
 * <p>This filter chain comes before the API's and matches only requests that arrived on the
 * management port; the API's chain never sees them, and the API's port serves no actuator endpoint.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain metricsFilterChain(HttpSecurity http, MetricsAccess access) throws Exception {
    http.securityMatcher(access::onManagementPort)
        .authorizeHttpRequests(
            requests ->
                requests
                    .anyRequest()
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(access.allows(context.getRequest()))))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    (request, response, failure) -> {
                      response.setHeader(
                          HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Kubeward metrics\"");
                      response.sendError(401);
                    }))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
    return http.build();
  }

  @Bean
  MetricsAccess metricsAccess(Environment environment, MetricsProperties properties) {
    return new MetricsAccess(environment, properties.token());
  }

  /** The management port's rules, checked at start. */
  static final class MetricsAccess {

    private final Environment environment;
    private final byte[] tokenDigest;
    private volatile int managementPort;

    MetricsAccess(Environment environment, String token) {
      this.environment = environment;
      this.tokenDigest = token == null ? null : sha256(token);
      int configuredPort = environment.getProperty("management.server.port", Integer.class, -1);
      int serverPort = environment.getProperty("server.port", Integer.class, 8080);
      if (configuredPort > 0 && configuredPort == serverPort) {
        throw new IllegalStateException(
            "management.server.port must differ from server.port: Kubeward serves metrics only on"
                + " a management port of their own (ADR 0017)");
      }
      String address = environment.getProperty("management.server.address");
      if (token == null && configuredPort >= 0 && !isLoopback(address)) {
        throw new IllegalStateException(
            "management.server.address="
                + address
                + " is not a loopback address: set kubeward.metrics.token (at least 32"
                + " characters) so that /metrics is not open to anyone who can reach that port"
                + " (ADR 0017)");
      }
      this.managementPort = configuredPort > 0 ? configuredPort : 0;
    }

    boolean onManagementPort(HttpServletRequest request) {
      int port = managementPort;
      if (port <= 0) {
        port = environment.getProperty("local.management.port", Integer.class, 0);
        managementPort = port;
      }
      return port > 0 && request.getLocalPort() == port;
    }

    boolean allows(HttpServletRequest request) {
      if (tokenDigest == null) {
        return true;
      }
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return false;
      }
      return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()));
    }

    private static boolean isLoopback(String address) {
      if (address == null || address.isBlank()) {
        return false;
      }
      try {
        return InetAddress.getByName(address).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private static byte[] sha256(String value) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
