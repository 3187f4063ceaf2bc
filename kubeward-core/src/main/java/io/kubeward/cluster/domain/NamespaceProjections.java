package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.createdAt;
import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.labels;
import static io.kubeward.cluster.domain.ProjectionSupport.quantities;
import static io.kubeward.cluster.domain.ProjectionSupport.view;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceQuota;

/**
 * Namespaces ({@link NamespaceView}) and the limits set on them: ResourceQuotas and LimitRanges.
 */
public final class NamespaceProjections {

  private NamespaceProjections() {}

  public static NamespaceView namespace(Namespace namespace) {
    ObjectMeta meta = namespace.getMetadata();
    String phase = namespace.getStatus() == null ? null : namespace.getStatus().getPhase();
    return new NamespaceView(
        intern(meta.getName()),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        intern(phase));
  }

  public static ObjectView resourceQuota(ResourceQuota object) {
    return view(
        object,
        "",
        fields(
            "hard",
            quantities(object.getStatus() == null ? null : object.getStatus().getHard()),
            "used",
            quantities(object.getStatus() == null ? null : object.getStatus().getUsed())));
  }

  public static ObjectView limitRange(LimitRange object) {
    int limits =
        object.getSpec() == null || object.getSpec().getLimits() == null
            ? 0
            : object.getSpec().getLimits().size();
    return view(object, "", fields("limits", limits));
  }
}
