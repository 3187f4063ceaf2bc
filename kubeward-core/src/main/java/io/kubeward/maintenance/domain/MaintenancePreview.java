package io.kubeward.maintenance.domain;

import io.kubeward.drain.domain.DrainPlan;
import java.util.List;
import java.util.Map;

/** What a maintenance would do: its nodes in batches of the concurrency, and each node's drain. */
public record MaintenancePreview(List<List<String>> batches, Map<String, DrainPlan> drains) {}
