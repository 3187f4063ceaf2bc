package io.kubeward.server.backup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Backup controller ({@code kubeward.backups.controller.*}, ADR 0041); validated when bound.
 *
 * @param enabled run the Backup controller (the API still reads and writes Backups)
 * @param progressInterval the shortest time between two progress writes to a Backup's status
 */
@ConfigurationProperties("kubeward.backups.controller")
public record BackupControllerProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration progressInterval) {

  public BackupControllerProperties {
    between(
        "kubeward.backups.controller.progress-interval",
        progressInterval,
        Duration.ofMillis(100),
        Duration.ofMinutes(1));
  }

  static void between(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          name + " must lie between " + min + " and " + max + ", is " + value);
    }
  }
}
