package io.kubeward.server.resource;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.resource.app.ApplyDocuments;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.resource.kube.JacksonObjectCodec;
import io.kubeward.resource.kube.KubeObjects;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Any object of a cluster (CRDs included), read and written with the caller's identity, and the
 * multi-document preview and apply over it.
 */
@Configuration(proxyBeanMethods = false)
public class ResourceWiring {

  @Bean
  ObjectGateway objectGateway(ClusterClients clients, Clock clock) {
    return new KubeObjects(clients, clock);
  }

  @Bean
  ObjectAccess objectAccess(
      ClusterRegistry clusters,
      Authorizer authorizer,
      ObjectGateway objects,
      AuditedAction audited) {
    return new ObjectAccess(clusters, authorizer, objects, new JacksonObjectCodec(), audited);
  }

  @Bean
  ApplyDocuments applyDocuments(ObjectAccess objects, AuditedAction audited) {
    return new ApplyDocuments(objects, new JacksonObjectCodec(), audited);
  }
}
