package io.kubeward.server.tenancy;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.tenancy.app.CreateTeamSpace;
import io.kubeward.tenancy.app.ListTeamSpaces;
import io.kubeward.tenancy.app.NamespaceLimits;
import io.kubeward.tenancy.app.TeamSpaceGateway;
import io.kubeward.tenancy.app.TeamTemplateCatalog;
import io.kubeward.tenancy.kube.KubeTeamSpaceGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Team spaces, quotas and limit ranges with the caller's identity (ADR 0045). */
@Configuration(proxyBeanMethods = false)
public class TenancyWiring {

  @Bean
  TeamTemplateCatalog teamTemplateCatalog() {
    return new TeamTemplateCatalog();
  }

  @Bean
  TeamSpaceGateway teamSpaceGateway(ClusterClients clients) {
    return new KubeTeamSpaceGateway(clients);
  }

  @Bean
  CreateTeamSpace createTeamSpace(
      ClusterReads reads,
      AuditedAction audited,
      TeamSpaceGateway gateway,
      TeamTemplateCatalog templates) {
    return new CreateTeamSpace(reads, audited, gateway, templates);
  }

  @Bean
  ListTeamSpaces listTeamSpaces(ClusterReads reads) {
    return new ListTeamSpaces(reads);
  }

  @Bean
  NamespaceLimits namespaceLimits(
      ClusterReads reads, AuditedAction audited, TeamSpaceGateway gateway) {
    return new NamespaceLimits(reads, audited, gateway);
  }
}
