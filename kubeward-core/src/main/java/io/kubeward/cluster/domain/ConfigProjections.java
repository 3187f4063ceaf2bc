package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.view;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ConfigMaps (key names only) and Secrets (metadata only): never a value. */
public final class ConfigProjections {

  private ConfigProjections() {}

  /** Key names only, never values. */
  public static ObjectView configMap(ConfigMap object) {
    List<String> keys = new ArrayList<>();
    if (object.getData() != null) {
      keys.addAll(object.getData().keySet());
    }
    if (object.getBinaryData() != null) {
      keys.addAll(object.getBinaryData().keySet());
    }
    keys.sort(null);
    return view(object, "", fields("keys", List.copyOf(keys)));
  }

  /**
   * A secret from a metadata-only list or watch ({@code PartialObjectMetadata}): identity, labels
   * and owner, and the service account of a token Secret ({@code
   * kubernetes.io/service-account.name} annotation, as {@code serviceAccount}). The type and data
   * never reach Kubeward's cache.
   */
  public static ObjectView secretMetadata(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String serviceAccount =
        annotations == null ? null : annotations.get("kubernetes.io/service-account.name");
    return view(
        object,
        "",
        serviceAccount == null ? Map.of() : Map.of("serviceAccount", serviceAccount.intern()));
  }
}
