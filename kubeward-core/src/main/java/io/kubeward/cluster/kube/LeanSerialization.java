package io.kubeward.cluster.kube;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The serialization of the shared cache's client: it decodes every object of a typed cached kind
 * straight into its view ({@link ProjectingDeserializers}, ADR 0058) and skips {@code
 * metadata.managedFields} while parsing. The cache projects every object to a compact view and
 * never reads them, yet on a pod they are about a third of the JSON and, parsed by fabric8, a tree
 * of small maps per pod: skipping them is the biggest saving of CPU and garbage during the first
 * list and every relist of a large cluster (docs/BENCHMARKS.md, ADR 0006). Only this client uses
 * it: objects read for display or editing come through the full client.
 */
final class LeanSerialization {

  private LeanSerialization() {}

  static KubernetesSerialization create() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.addMixIn(ObjectMeta.class, WithoutManagedFields.class);
    mapper.registerModule(ProjectingDeserializers.module());
    return new KubernetesSerialization(mapper, true);
  }

  @JsonIgnoreProperties("managedFields")
  private abstract static class WithoutManagedFields {}
}
