package io.kubeward.runtime.app;

import io.kubeward.common.ControllerStatistics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Counters of one controller in one cluster, as plain getters for a metrics registry (the server
 * binds them to Micrometer; core has no metrics dependency). Counters only grow; a controller that
 * stops leading keeps them.
 */
public final class ControllerMetrics implements ControllerStatistics {

  private final String cluster;
  private final String controller;
  private final LongAdder reconciles = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder totalNanos = new LongAdder();
  private final AtomicLong maxNanos = new AtomicLong();
  private volatile IntSupplier depth = () -> 0;
  private volatile BooleanSupplier leading = () -> false;

  public ControllerMetrics(String cluster, String controller) {
    this.cluster = cluster;
    this.controller = controller;
  }

  @Override
  public String cluster() {
    return cluster;
  }

  @Override
  public String controller() {
    return controller;
  }

  /** Whether this replica leads the cluster's controllers now. */
  @Override
  public boolean leading() {
    return leading.getAsBoolean();
  }

  /** Keys waiting in the work queue (due now or later), not counting those being reconciled. */
  @Override
  public int queueDepth() {
    return depth.getAsInt();
  }

  /** Reconcile passes run (successful or not). */
  @Override
  public long reconciles() {
    return reconciles.sum();
  }

  /** Passes that ended with an exception (each retried with backoff). */
  @Override
  public long reconcileErrors() {
    return errors.sum();
  }

  /** Time spent in all passes (with {@link #reconciles()}: the mean, or a FunctionTimer). */
  public Duration reconcileTotalTime() {
    return Duration.ofNanos(totalNanos.sum());
  }

  /** The longest pass so far. */
  public Duration reconcileMaxTime() {
    return Duration.ofNanos(maxNanos.get());
  }

  public void queueDepth(IntSupplier supplier) {
    this.depth = supplier;
  }

  public void leading(BooleanSupplier supplier) {
    this.leading = supplier;
  }

  /** Records one pass. */
  public void recordReconcile(long nanos, boolean failed) {
    reconciles.increment();
    if (failed) {
      errors.increment();
    }
    totalNanos.add(nanos);
    maxNanos.accumulateAndGet(nanos, Math::max);
  }
}
