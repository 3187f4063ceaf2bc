package io.kubeward.server.user;

import io.kubeward.user.app.FailedSignInAudit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the aggregated failed sign-ins of windows that have ended, every second, and the open ones
 * at shutdown.
 */
public final class FailedSignInFlusher implements AutoCloseable { // issue 18 sso: public

  private final FailedSignInAudit audit;
  private final ScheduledExecutorService scheduler;

  FailedSignInFlusher(FailedSignInAudit audit) {
    this.audit = audit;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kubeward-signin-audit").daemon().factory());
    scheduler.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
  }

  // issue 18 sso: public, for single sign-on refusals
  public FailedSignInAudit audit() {
    return audit;
  }

  private void flushQuietly() {
    try {
      audit.flushExpired();
    } catch (RuntimeException e) {
      // the database may be away for a moment: the windows stay and are written next time
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    flushQuietly();
    try {
      audit.flushAll();
    } catch (RuntimeException e) {
      // shutting down without a database: nothing more to do
    }
  }
}
