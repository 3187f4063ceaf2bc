package io.kubeward.cluster.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Decoding into views (ADR 0058): for every typed kind of the {@link CachedKind} table, the cache
 * client's decoder projects each object to its view as soon as the object is parsed and keeps a
 * {@link ViewStub} in its place. A list page (500 objects) therefore holds 500 views from the
 * moment it is decoded instead of 500 full objects until the informer has stored the last of them,
 * and each full object is garbage right after its own projection, while still young. The projection
 * is the kind's own ({@code CachedKind.Model#projection}), so there is no second decoder to keep in
 * step with it.
 *
 * <p>An object whose projection fails is kept whole, so the store projects it again and fails where
 * it always did: decoding never hides a projection's failure.
 */
final class ProjectingDeserializers {

  private ProjectingDeserializers() {}

  /** The Jackson module of the cache client: one projecting decoder per typed cached kind. */
  static SimpleModule module() {
    Map<Class<?>, CachedKind.Model<?, ?>> byType = new HashMap<>();
    for (CachedKind kind : CachedKind.values()) {
      if (!kind.metadataOnly()) {
        byType.put(kind.model().type(), kind.model());
      }
    }
    SimpleModule module = new SimpleModule("kubeward-projecting-deserializers");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> decoder) {
            CachedKind.Model<?, ?> model = byType.get(bean.getBeanClass());
            return model == null ? decoder : new Projecting<>(decoder, model);
          }
        });
    return module;
  }

  /** Decodes a full object with fabric8's decoder, then hands back the stub of its view. */
  private static final class Projecting<T extends HasMetadata> extends DelegatingDeserializer {

    private final CachedKind.Model<T, ?> model;

    Projecting(JsonDeserializer<?> decoder, CachedKind.Model<T, ?> model) {
      super(decoder);
      this.model = model;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> decoder) {
      return new Projecting<>(decoder, model);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      Object decoded = super.deserialize(parser, context);
      if (!model.type().isInstance(decoded)) {
        return decoded;
      }
      T object = model.type().cast(decoded);
      if (object.getMetadata() == null) {
        return decoded;
      }
      KubeObjectView view;
      try {
        view = model.projection().apply(object);
      } catch (RuntimeException e) {
        return decoded;
      }
      return ViewStub.of(model.stubs(), view);
    }
  }
}
