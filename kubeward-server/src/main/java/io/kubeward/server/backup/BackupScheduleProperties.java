package io.kubeward.server.backup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The BackupSchedule controller ({@code kubeward.backups.schedule.*}, ADR 0041); validated when
 * bound.
 *
 * @param enabled run the BackupSchedule controller
 * @param resync the longest a schedule waits before it looks at its clock again
 */
@ConfigurationProperties("kubeward.backups.schedule")
public record BackupScheduleProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration resync) {

  public BackupScheduleProperties {
    BackupControllerProperties.between(
        "kubeward.backups.schedule.resync", resync, Duration.ofMillis(200), Duration.ofHours(1));
  }
}
