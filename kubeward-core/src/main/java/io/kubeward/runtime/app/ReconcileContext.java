package io.kubeward.runtime.app;

import io.kubeward.access.app.Caller;
import io.kubeward.runtime.domain.ObjectKey;
import java.time.Clock;

/**
 * What a reconcile pass knows besides its object.
 *
 * @param caller the controller itself ({@link Caller#controller}): controllers act with Kubeward's
 *     own credentials, never as a user
 * @param retries how many passes of this key failed in a row before this one
 */
public record ReconcileContext(
    String cluster,
    String controller,
    ObjectKey key,
    Caller caller,
    Clock clock,
    EventRecorder events,
    int retries) {}
