package io.kubeward.runtime.app;

import io.kubeward.runtime.domain.EventReason;

/**
 * Port: Kubernetes Events (core/v1) about objects, with a stable {@link EventReason}. Best effort:
 * a failed Event is logged, never fatal to a reconcile.
 */
public interface EventRecorder {

  void record(EventTarget target, EventReason reason, boolean warning, String message);

  EventRecorder NONE = (target, reason, warning, message) -> {};
}
