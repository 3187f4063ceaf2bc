package io.kubeward.release.app;

import io.kubeward.access.app.Caller;
import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.domain.ReleaseSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: Release objects through the API, as the caller (impersonated). */
public interface ReleaseStore {

  /** In one namespace, or every namespace when {@code namespace} is null. */
  List<ReleaseObject> list(Caller caller, String cluster, @Nullable String namespace);

  Optional<ReleaseObject> get(Caller caller, String cluster, String namespace, String name);

  /**
   * Creates or replaces the spec (labels, annotations and status kept), with the PromQL approval
   * stamp ({@code kubeward.io/promql-approval}) set to {@code promqlApproval}, or removed when
   * null.
   */
  ReleaseObject apply(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ReleaseSpec spec,
      @Nullable String resourceVersion,
      @Nullable String promqlApproval);

  boolean delete(Caller caller, String cluster, String namespace, String name);

  /** Merges annotations (a request) into the object's metadata. */
  ReleaseObject annotate(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      Map<String, String> annotations);

  /** Sets {@code spec.paused}. */
  ReleaseObject setPaused(
      Caller caller, String cluster, String namespace, String name, boolean paused);
}
