package io.kubeward.backup.app;

import io.kubeward.access.app.Caller;
import io.kubeward.runtime.app.ObjectWatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Port: Backups or BackupSchedules in a cluster, read and written as the caller. */
public interface BackupObjects<T> {

  List<T> list(Caller caller, String cluster, @Nullable String namespace);

  Optional<T> get(Caller caller, String cluster, String namespace, String name);

  /** Creates the object (spec: a record) with the caller's client. */
  T create(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      Object spec,
      @Nullable Map<String, String> labels,
      Map<String, String> annotations);

  /**
   * @throws BackupNotFoundException when there is no such object
   */
  void delete(Caller caller, String cluster, String namespace, String name);

  /** The object now and on every change; close the handle to stop. */
  AutoCloseable watch(
      Caller caller, String cluster, String namespace, String name, ObjectWatcher<T> listener);
}
