package io.kubeward.maintenance.app;

import io.kubeward.access.app.Caller;
import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainPlan;

/** Port: the drain feature's preview ({@code PreviewDrain.preview}). */
@FunctionalInterface
public interface DrainPreviewer {

  DrainPlan preview(Caller caller, String cluster, String node, DrainOptions options);
}
