package io.kubeward.server.backup.restore;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Restores ({@code kubeward.backups.restore.*}, ADR 0042); validated when bound.
 *
 * @param enabled run the Restore controller (the API still previews and writes Restores)
 * @param parallelism objects of one order stage restored at once (1–64)
 * @param crdDeadline how long restored CRDs may take to become Established (1 s – 30 min)
 * @param progressInterval the least time between two progress writes to a Restore's status
 * @param previewLimit the most items a preview lists (its counts cover every object; 1–20000)
 */
@ConfigurationProperties("kubeward.backups.restore")
public record RestoreProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("16") int parallelism,
    @DefaultValue("2m") Duration crdDeadline,
    @DefaultValue("1s") Duration progressInterval,
    @DefaultValue("5000") int previewLimit) {

  public RestoreProperties {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException(
          "kubeward.backups.restore.parallelism must lie between 1 and 64, is " + parallelism);
    }
    if (previewLimit < 1 || previewLimit > 20_000) {
      throw new IllegalArgumentException(
          "kubeward.backups.restore.preview-limit must lie between 1 and 20000, is "
              + previewLimit);
    }
    between("crd-deadline", crdDeadline, Duration.ofSeconds(1), Duration.ofMinutes(30));
    between("progress-interval", progressInterval, Duration.ofMillis(100), Duration.ofMinutes(1));
  }

  private static void between(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.backups.restore."
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
