package io.kubeward.server.cluster;

import io.kubeward.cluster.domain.DeploymentView;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.NamespaceView;
import io.kubeward.cluster.domain.NodeView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.cluster.domain.PodPhase;
import io.kubeward.cluster.domain.PodProblem;
import io.kubeward.cluster.domain.PodView;
import io.kubeward.cluster.domain.ServiceView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.stream.Stream;
import org.springdoc.core.utils.SpringDocUtils;
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

  /**
   * The OpenAPI schema of a cached view ({@link KubeObjectView} in lists and change events): one of
   * the projections, which one is named by the list's or the event's {@code kind}.
   */
  @Schema(
      name = "CachedView",
      description = "A compact view of a cached object; the list's or event's kind says which one",
      oneOf = {
        PodView.class,
        NodeView.class,
        DeploymentView.class,
        ServiceView.class,
        NamespaceView.class,
        ObjectView.class
      })
  interface CachedViewSchema {}

  static {
    // The OpenAPI document says what the serializers below write, not the enum constants' names.
    SpringDocUtils.getConfig()
        .replaceWithClass(KubeObjectView.class, CachedViewSchema.class)
        .replaceWithSchema(
            PodPhase.class,
            new StringSchema()
                ._enum(Stream.of(PodPhase.values()).map(PodPhase::kubernetesName).toList()))
        .replaceWithSchema(
            PodProblem.class,
            new StringSchema()
                ._enum(Stream.of(PodProblem.values()).map(PodProblem::reason).toList()));
  }

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
