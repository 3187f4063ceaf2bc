package io.kubeward.server.stream;

import io.kubeward.server.security.CurrentUser;
import io.kubeward.user.app.ApiTokens;
import io.kubeward.user.app.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one registry and pump of Server-Sent Event streams ({@link SseStreams}), with its periodic
 * re-check of the streams' callers; it is also the {@code OpenSessions} port the user use cases
 * tell when a user's sessions end.
 */
@Configuration(proxyBeanMethods = false)
public class StreamWiring {

  @Bean(destroyMethod = "close")
  SseStreams sseStreams(StreamProperties properties, UserStore users, ApiTokens tokens) {
    return new SseStreams(properties, CurrentUser.stillValid(users, tokens)).startRevalidation();
  }
}
