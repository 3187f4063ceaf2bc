package io.kubeward.server.workload.ops;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.resource.kube.JacksonObjectCodec;
import io.kubeward.workload.app.ops.WorkloadOperations;
import io.kubeward.workload.kube.ops.KubeWorkloadOps;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workload operations on the clusters' clients, with the caller's identity (ADR 0039). */
@Configuration(proxyBeanMethods = false)
public class WorkloadOpsWiring {

  @Bean
  WorkloadOperations workloadOperations(
      ClusterRegistry clusters,
      Authorizer authorizer,
      AuditedAction audited,
      ClusterClients clients,
      ObjectGateway objects,
      Clock clock) {
    return new WorkloadOperations(
        clusters,
        authorizer,
        audited,
        new KubeWorkloadOps(clients),
        objects,
        new JacksonObjectCodec(),
        clock);
  }
}
