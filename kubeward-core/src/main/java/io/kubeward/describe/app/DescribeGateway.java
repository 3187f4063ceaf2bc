package io.kubeward.describe.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.kubeward.access.app.Caller;
import io.kubeward.describe.domain.DescribeKind;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Port: live reads of describe, through the cluster's API with the caller's identity, so the
 * apiserver decides (ADR 0013). Failures come back translated by {@code KubeErrors} (403 {@code
 * resource.forbidden}, unreachable, busy).
 */
public interface DescribeGateway {

  /** The object, or empty if it does not exist. */
  Optional<HasMetadata> read(
      Caller caller, String cluster, DescribeKind kind, @Nullable String namespace, String name);

  /** The EndpointSlices of a Service (label {@code kubernetes.io/service-name}). */
  List<EndpointSlice> endpointSlices(
      Caller caller, String cluster, String namespace, String service);
}
