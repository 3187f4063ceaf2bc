package io.kubeward.server.tenancy;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.tenancy.app.CreateTeamSpace;
import io.kubeward.tenancy.app.ListTeamSpaces;
import io.kubeward.tenancy.app.NamespaceLimits;
import io.kubeward.tenancy.app.TeamSpaceGateway;
import io.kubeward.tenancy.app.TeamTemplateCatalog;
import io.kubeward.tenancy.app.TeamTemplateStore;
import io.kubeward.tenancy.kube.KubeTeamSpaceGateway;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Team spaces, quotas and limit ranges with the caller's identity (ADR 0045). */
@Configuration(proxyBeanMethods = false)
public class TenancyWiring {

  @Bean
  TeamTemplateStore teamTemplateStore(JdbcClient jdbc, JsonMapper json) {
    return new JdbcTeamTemplateStore(jdbc, json);
  }

  @Bean
  TeamTemplateCatalog teamTemplateCatalog(
      TeamTemplateStore store, AuditedAction audited, Clock clock) {
    return new TeamTemplateCatalog(store, audited, clock);
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
