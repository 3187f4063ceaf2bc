package io.kubeward.server.release;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Releases ({@code kubeward.release.*}, ADR 0035); validated when bound.
 *
 * @param enabled run the Release controller (the API still reads and writes Releases)
 * @param resyncInterval the longest a running Release waits before the controller looks again
 * @param readinessPoll how soon the controller looks again while pods become ready
 */
@ConfigurationProperties("kubeward.release")
public record ReleaseProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("30s") Duration resyncInterval,
    @DefaultValue("2s") Duration readinessPoll) {

  public ReleaseProperties {
    between("resync-interval", resyncInterval, Duration.ofSeconds(1), Duration.ofHours(1));
    between("readiness-poll", readinessPoll, Duration.ofMillis(100), Duration.ofMinutes(1));
  }

  private static void between(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.release."
              + name
              + " must lie between "
              + min
              + " and "
              + max
              + ", is "
              + value);
    }
  }
}
