package io.kubeward.maintenance.app;

/** The ports of maintenance in one cluster. */
public record MaintenanceCluster(
    String name,
    MaintenanceStore store,
    MaintenanceNodes nodes,
    MaintenanceLock lock,
    MaintenanceEvents events) {}
