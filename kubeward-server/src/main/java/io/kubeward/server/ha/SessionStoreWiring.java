package io.kubeward.server.ha;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Puts {@link CoarseLastAccessSessions} around the JDBC session store that Spring Boot configures
 * (issue 19, ADR 0059): everything that asks for the session repository, the session filter
 * included, gets the store that writes the last access in steps.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreWiring {

  @Bean
  static BeanPostProcessor coarseLastAccessSessions() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository store
            ? new CoarseLastAccessSessions(store)
            : bean;
      }
    };
  }
}
