package io.kubeward.server.alert.routing;

import java.util.function.BooleanSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// PLACEHOLDER: the lead deletes this at merge
/**
 * Whether this replica is the site leader (the engine's database lease): routing notifies the site
 * scope only there. The engine provides the real bean, named {@code alertSiteLeader}.
 */
@Configuration(proxyBeanMethods = false)
class SiteLeaderPlaceholder {

  @Bean
  BooleanSupplier alertSiteLeader() {
    return () -> false;
  }
}
