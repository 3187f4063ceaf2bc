package io.kubeward.runtime.app;

import io.kubeward.runtime.domain.ObjectKey;
import io.kubeward.runtime.domain.Result;

/**
 * The contract of a controller for objects of type {@code R} in one cluster. The runtime reads the
 * object live before each call (so a status write is never based on a stale read), adds the
 * controller's finalizer before the first {@link #reconcile}, calls {@link #cleanup} while the
 * object is being deleted and removes the finalizer when it answers {@link Result#done()}.
 *
 * <p>A pass is a readable list of small steps: observe (what the object and the cluster say now) →
 * validate → act (write the step to status <em>before</em> a destructive effect, every effect
 * idempotent) → status. Exceptions are retried with exponential backoff; the object's own changes
 * queue it again at once.
 */
public interface Reconciler<R> {

  /** One pass over an existing object that is not being deleted. */
  Result reconcile(R object, ReconcileContext context);

  /**
   * The object is being deleted and still carries this controller's finalizer: undo what must be
   * undone (or record why not). {@link Result#done()} lets the runtime remove the finalizer; a
   * requeue keeps it until a later pass; an exception is retried with backoff.
   */
  default Result cleanup(R object, ReconcileContext context) {
    return Result.done();
  }

  /** The object is gone (deleted without or after its finalizer): drop what was kept for it. */
  default void deleted(ObjectKey key, ReconcileContext context) {}
}
