package io.kubeward.tenancy.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubeward.access.app.Caller;

/** Writes a team space's objects with the caller's identity (Kubernetes decides). */
public interface TeamSpaceGateway {

  /** A server-side dry-run create: admission and authorization run, nothing is stored. */
  void dryRunCreate(Caller caller, String cluster, HasMetadata object);

  void create(Caller caller, String cluster, HasMetadata object);

  /** Creates or replaces (server-side apply, forced) the object; {@code dryRun} stores nothing. */
  void apply(Caller caller, String cluster, HasMetadata object, boolean dryRun);

  /** Deletes the object if it exists; {@code false} if it could not be deleted. */
  boolean delete(Caller caller, String cluster, HasMetadata object);
}
