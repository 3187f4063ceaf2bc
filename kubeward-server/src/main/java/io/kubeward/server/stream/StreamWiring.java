package io.kubeward.server.stream;

import io.kubeward.server.security.CurrentUser;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.UserStore;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionRepository;

/**
 * The one registry and pump of Server-Sent Event streams ({@link SseStreams}), with its periodic
 * re-check of the streams' callers; it is also the {@code OpenSessions} port the user use cases
 * tell when a user's sessions end.
 */
@Configuration(proxyBeanMethods = false)
public class StreamWiring {

  @Bean(destroyMethod = "close")
  SseStreams sseStreams(
      StreamProperties properties,
      UserStore users,
      ApiTokens tokens,
      SessionRepository<?> sessions) { // issue 18 ha: the session must still exist
    return new SseStreams(properties, CurrentUser.stillValid(users, tokens, sessions))
        .startRevalidation();
  }

  /** A console session that ends (sign-out, time-out) ends the streams it opened. */
  @Bean
  ServletListenerRegistrationBean<HttpSessionListener> streamsEndWithTheirSession(
      SseStreams streams) {
    return new ServletListenerRegistrationBean<>(
        new HttpSessionListener() {
          @Override
          public void sessionDestroyed(HttpSessionEvent event) {
            streams.endSession(event.getSession().getId());
          }
        });
  }
}
