package io.kubeward.maintenance.app;

import io.kubeward.access.app.Caller;
import io.kubeward.maintenance.domain.Maintenance;
import io.kubeward.maintenance.domain.MaintenanceSpec;
import io.kubeward.maintenance.domain.MaintenanceStatus;
import io.kubeward.runtime.app.ObjectWatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the NodeMaintenance objects of one cluster. What the controller reads and writes goes with
 * Kubeward's identity; what a person asks for (the methods with a {@link Caller}) goes with theirs,
 * so the cluster's RBAC on {@code nodemaintenances} decides who may start a maintenance (ADR 0013).
 */
public interface MaintenanceStore {

  /** Read live from the API by the controller (its source of truth). */
  Optional<Maintenance> get(String name);

  /** Read live from the API for a person. */
  Optional<Maintenance> get(Caller caller, String name);

  List<Maintenance> list(Caller caller);

  /**
   * Creates the maintenance as {@code caller}, recorded as its creator.
   *
   * @throws MaintenanceExistsException if the name is taken
   */
  Maintenance create(Caller caller, String name, MaintenanceSpec spec);

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
  Maintenance patchSpec(Caller caller, String name, Map<String, Object> fields);

  /**
   * Calls {@code listener} with the maintenance now and on each change until closed, reading as
   * {@code caller}; tells it when the maintenance is deleted. Survives expired watches (410 Gone)
   * and reconnects.
   */
  AutoCloseable watch(Caller caller, String name, ObjectWatcher<Maintenance> listener);
}
