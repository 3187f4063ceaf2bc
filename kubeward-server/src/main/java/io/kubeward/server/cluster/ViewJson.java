package io.kubeward.server.cluster;

import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/** JSON of the cached views: phases and problems as Kubernetes writes them ({@code Running}). */
@Configuration(proxyBeanMethods = false)
class ViewJson {

  @Bean
  JacksonModule kubewardViews() {
    SimpleModule module = new SimpleModule("kubeward-views");
    module.addSerializer(
        PodPhase.class,
        new StdSerializer<>(PodPhase.class) {
          @Override
          public void serialize(PodPhase value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(value.kubernetesName());
          }
        });
    module.addSerializer(
        PodProblem.class,
        new StdSerializer<>(PodProblem.class) {
          @Override
          public void serialize(PodProblem value, JsonGenerator gen, SerializationContext context) {
            gen.writeString(value.reason());
          }
        });
    return module;
  }
}
