package io.kubeward.maintenance.app;

import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainProgress;

/** Port: one non-blocking drain pass (the drain feature's {@code DrainPass.advance}). */
@FunctionalInterface
public interface NodeDrainer {

  DrainProgress advance(String cluster, String node, DrainOptions options, DrainProgress previous);
}
