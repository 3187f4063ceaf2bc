package io.kubeward.server.rbac;

import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.rbac.app.ExploreRbac;
import io.kubeward.rbac.app.RbacReader;
import io.kubeward.rbac.kube.KubeRbacReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The RBAC explorer (ADR 0046): the one {@link RbacReader} (live, as the caller; also used by the
 * security posture checks) and the explorer's use cases.
 */
@Configuration(proxyBeanMethods = false)
public class RbacWiring {

  @Bean
  RbacReader rbacReader(ClusterClients clients) {
    return new KubeRbacReader(clients);
  }

  @Bean
  ExploreRbac exploreRbac(RbacReader reader) {
    return new ExploreRbac(reader);
  }
}
