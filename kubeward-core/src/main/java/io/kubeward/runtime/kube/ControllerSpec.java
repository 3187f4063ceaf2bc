package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.runtime.app.Reconciler;
import java.util.Objects;
import java.util.function.Function;

/**
 * A controller as a feature declares it; the runtime runs one instance per cluster.
 *
 * @param name short, stable, lowercase (Event component {@code kubeward-<name>}, thread and metric
 *     names)
 * @param kind the watched kind (the primary resource)
 * @param decoder maps the object read live to the feature's type (a domain record)
 * @param finalizer added before the first reconcile and removed after {@link Reconciler#cleanup};
 *     {@code null} for none
 * @param crd the CRD to install and check in every cluster, {@code null} for a built-in kind
 * @param reconcilers builds the reconciler of one cluster from its binding (system client ...)
 * @param labelSelector only objects matching it are watched and reconciled ({@code null}: all)
 */
public record ControllerSpec<R>(
    String name,
    ResourceDefinitionContext kind,
    Function<GenericKubernetesResource, R> decoder,
    String finalizer,
    CrdDefinition crd,
    Function<ClusterBinding, Reconciler<R>> reconcilers,
    String labelSelector) {

  /** A controller of every object of its kind. */
  public ControllerSpec(
      String name,
      ResourceDefinitionContext kind,
      Function<GenericKubernetesResource, R> decoder,
      String finalizer,
      CrdDefinition crd,
      Function<ClusterBinding, Reconciler<R>> reconcilers) {
    this(name, kind, decoder, finalizer, crd, reconcilers, null);
  }

  public ControllerSpec {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z][a-z0-9-]{0,30}")) {
      throw new IllegalArgumentException("controller name must be lowercase: " + name);
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(reconcilers, "reconcilers");
  }
}
