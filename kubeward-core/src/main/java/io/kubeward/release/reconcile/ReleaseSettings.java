package io.kubeward.release.reconcile;

import java.time.Duration;

/**
 * Settings of the Release controller ({@code kubeward.release.*}, validated at start-up by the
 * server's properties class).
 *
 * @param resync how long the controller waits at most before looking at a running Release again
 * @param readinessPoll how soon it looks again while waiting for pods to become ready
 */
public record ReleaseSettings(Duration resync, Duration readinessPoll) {

  public static final ReleaseSettings DEFAULTS =
      new ReleaseSettings(Duration.ofSeconds(30), Duration.ofSeconds(2));
}
