package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubeward.cluster.domain.KubeObjectView;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An object of a cached kind that stands for its compact view: an empty object whose metadata holds
 * only the view's identity (namespace, name, uid, resource version) and the view itself. The cache
 * hands such stubs to fabric8 wherever fabric8 needs an object: as the decoded items of a list page
 * and watch event ({@link ProjectingDeserializers}), and as "the previous object" from its store
 * ({@link ProjectingItemStore}). fabric8 reads only the identity; the store takes the view.
 */
final class ViewStub {

  private ViewStub() {}

  /** A stub of {@code view}, made from an empty object of its kind. */
  static <T extends HasMetadata> T of(Supplier<T> empty, KubeObjectView view) {
    T stub = empty.get();
    stub.setMetadata(new Carrying(view));
    return stub;
  }

  /** The view {@code object} stands for, or {@code null} if it is a full object. */
  static @Nullable KubeObjectView viewOf(HasMetadata object) {
    return object.getMetadata() instanceof Carrying carrying ? carrying.view : null;
  }

  /** Identity metadata carrying the view (not serialized: stubs never go back to the API). */
  private static final class Carrying extends ObjectMeta {

    private final transient KubeObjectView view;

    Carrying(KubeObjectView view) {
      this.view = view;
      setNamespace(view.namespace());
      setName(view.name());
      setUid(view.uid());
      setResourceVersion(view.resourceVersion());
    }
  }
}
