package io.kubeward.backup.app.restore;

import io.kubeward.access.app.Caller;
import io.kubeward.backup.domain.restore.RestoreObject;
import io.kubeward.backup.domain.restore.RestoreSource;
import io.kubeward.backup.domain.restore.RestoreSpec;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Restore objects, Backups and the cluster through the API, always as the caller (port). */
public interface RestoreGateway {

  List<RestoreObject> list(Caller caller, String cluster, @Nullable String namespace);

  Optional<RestoreObject> get(Caller caller, String cluster, String namespace, String name);

  /**
   * Creates the Restore with the caller's client, stamped {@code kubeward.io/acting-as} for the
   * caller's identity over exactly the spec written (ADR 0040).
   */
  RestoreObject create(
      Caller caller, String cluster, String namespace, String name, RestoreSpec spec);

  boolean delete(Caller caller, String cluster, String namespace, String name);

  /** Calls {@code listener} with the Restore now and on every change, as the caller. */
  AutoCloseable watch(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      io.kubeward.runtime.app.ObjectWatcher<RestoreObject> listener);

  /** Where the source's archive is, the Backup read as the caller. */
  ArchiveLocation locate(Caller caller, String cluster, RestoreSource source);

  /** The cluster as the caller sees it (preview checks). */
  RestoreCluster clusterAs(Caller caller, String cluster);
}
