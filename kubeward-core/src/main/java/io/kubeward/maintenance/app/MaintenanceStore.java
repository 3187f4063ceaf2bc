package io.kubeward.maintenance.app;

import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceStatus;
import io.kubeward.runtime.app.ObjectWatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the NodeMaintenance objects of one cluster. */
public interface MaintenanceStore {

  /** Read live from the API (the controller's source of truth). */
  Optional<Maintenance> get(String name);

  List<Maintenance> list();

  /**
   * @throws MaintenanceExistsException if the name is taken
   */
  Maintenance create(String name, String createdBy, MaintenanceSpec spec);

  /**
   * Writes the status subresource with the maintenance's resourceVersion.
   *
   * @throws StaleMaintenanceException if the object changed since it was read
   */
  Maintenance updateStatus(Maintenance maintenance, MaintenanceStatus status);

  /**
   * Merges {@code fields} into the spec (pause/resume/cancel).
   *
   * @throws MaintenanceNotFoundException if there is no such maintenance
   */
  Maintenance patchSpec(String name, Map<String, Object> fields);

  /**
   * Calls {@code listener} with the maintenance now and on each change until closed; tells it when
   * the maintenance is deleted. Survives expired watches (410 Gone) and reconnects.
   */
  AutoCloseable watch(String name, ObjectWatcher<Maintenance> listener);
}
