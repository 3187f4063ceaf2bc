package io.kubeward.server.alert.engine;

import io.kubeward.alert.app.AlertDispatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER: the lead deletes this at merge
/** Nobody to wake until the routing part is merged (its dispatcher replaces this one). */
@Configuration(proxyBeanMethods = false)
class AlertDispatcherPlaceholder {

  @Bean
  AlertDispatcher alertDispatcher() {
    return scope -> {};
  }
}
