package io.kubeward.server.exec;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.exec.app.ExecGateway;
import io.kubeward.exec.app.ExecSettings;
import io.kubeward.exec.app.ExecSettingsStore;
import io.kubeward.exec.app.OpenExec;
import io.kubeward.exec.kube.KubeExecGateway;
import io.kubeward.server.security.CurrentUser;
import io.kubeward.server.stream.SseStreams;
import io.kubeward.server.stream.StreamProperties;
import io.kubeward.server.web.ApiProblems;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.OpenSessions;
import io.kubeward.user.app.UserStore;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import org.apache.tomcat.websocket.server.WsContextListener;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exec terminal and port-forward (ADR 0025): the switch's store, the use cases, the fabric8
 * gateway, the registry of open sessions (one {@code OpenSessions} of the server with the SSE
 * streams), and the two WebSocket endpoints with their handshake.
 *
 * <p>Spring Boot 4.1.1's {@code spring-boot-websocket} is not on the Maven proxy, so Spring's own
 * {@code spring-websocket} is configured here: Tomcat's {@link WsContextListener} makes the
 * container's WebSocket server; each socket bounds its own messages ({@code max-message-size}).
 */
@Configuration(proxyBeanMethods = false)
class ExecWiring {

  static final String EXEC_PATH = "/api/v1/clusters/*/namespaces/*/pods/*/exec";
  static final String FORWARD_PATH = "/api/v1/clusters/*/namespaces/*/pods/*/portforward";

  @Bean
  ExecSettingsStore execSettingsStore(JdbcClient jdbc) {
    return new JdbcExecSettingsStore(jdbc);
  }

  @Bean
  ExecSettings execSettings(
      ClusterReads reads, ExecSettingsStore store, AuditedAction audited, Clock clock) {
    return new ExecSettings(reads, store, audited, clock);
  }

  @Bean
  ExecGateway execGateway(ClusterClients clients) {
    return new KubeExecGateway(clients);
  }

  @Bean
  OpenExec openExec(
      ClusterReads reads,
      ExecSettings settings,
      ExecGateway gateway,
      AuditedAction audited,
      Clock clock) {
    return new OpenExec(reads, settings, gateway, audited, clock);
  }

  /** The two WebSocket endpoints and their handshake. */
  @Configuration(proxyBeanMethods = false)
  @EnableWebSocket
  static class Sockets implements WebSocketConfigurer {

    private final ExecSocket execSocket;
    private final ForwardSocket forwardSocket;

    Sockets(
        OpenExec open,
        ExecSessions sessions,
        ExecProperties properties,
        ApiProblems problems,
        JsonMapper json) {
      Frames frames = new Frames(problems, json);
      this.execSocket = new ExecSocket(open, sessions, properties.limits(), frames);
      this.forwardSocket = new ForwardSocket(open, sessions, properties.limits(), frames);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
      ExecHandshake handshake = new ExecHandshake();
      registry.addHandler(execSocket, EXEC_PATH).addInterceptors(handshake);
      registry.addHandler(forwardSocket, FORWARD_PATH).addInterceptors(handshake);
    }
  }

  /** Tomcat's WebSocket server (what {@code spring-boot-websocket} would install). */
  @Bean
  static WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatWebSockets() {
    return factory ->
        factory.addContextCustomizers(
            context -> context.addApplicationListener(WsContextListener.class.getName()));
  }

  @Bean(destroyMethod = "close")
  static ExecSessions execSessions(
      ExecProperties properties,
      StreamProperties streams,
      UserStore users,
      ApiTokens tokens,
      SessionRepository<?> sessions, // issue 18 ha: the session must still exist
      Clock clock) {
    return new ExecSessions(
            properties.limits(),
            streams.revalidateInterval(),
            CurrentUser.stillValid(users, tokens, sessions),
            clock)
        .start();
  }

  /**
   * The server's one {@code OpenSessions} for the user use cases: the SSE streams and the exec
   * sessions of this replica end together when a user's sessions end.
   */
  @Bean
  @Primary
  static OpenSessions allOpenSessions(SseStreams streams, ExecSessions exec) {
    return userId -> {
      streams.endAll(userId);
      exec.endAll(userId);
    };
  }

  /** A console session that ends (sign-out, time-out) ends the exec sessions it opened. */
  @Bean
  static ServletListenerRegistrationBean<HttpSessionListener> execEndsWithItsSession(
      ExecSessions sessions) {
    return new ServletListenerRegistrationBean<>(
        new HttpSessionListener() {
          @Override
          public void sessionDestroyed(HttpSessionEvent event) {
            sessions.endSession(event.getSession().getId());
          }
        });
  }
}
