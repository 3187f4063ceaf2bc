package io.kubeward.server.resource;

import io.kubeward.audit.app.AuditedAction;
import io.kubeward.resource.app.ApplyDocuments;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.kube.JacksonObjectCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The multi-document preview and apply over the single-object {@link ObjectAccess}. */
@Configuration(proxyBeanMethods = false)
class ResourceWiring {

  @Bean
  ApplyDocuments applyDocuments(ObjectAccess objects, AuditedAction audited) {
    return new ApplyDocuments(objects, new JacksonObjectCodec(), audited);
  }
}
