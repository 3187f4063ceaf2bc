package io.kubeward.server.posture;

import io.kubeward.posture.app.PostureSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security posture scans ({@code kubeward.posture.*}, ADR 0050); a bad value stops the start.
 *
 * @param cacheFor how long a caller's last scan of a cluster is answered again, 0s to 1d
 * @param scanTimeout how long one scan may read, 1s to 10m (the report then says truncated)
 * @param pageSize objects per list request, 10 to 1000
 * @param maxObjects objects read per scan at most, 100 to 1,000,000
 * @param maxExceptionDuration how far ahead an exception may expire, 1d to 365d
 * @param certificateWarning a certificate expiring sooner fails its check, 1d to 365d
 * @param certificateTimeout how long reading a serving certificate may take
 */
@ConfigurationProperties("kubeward.posture")
public record PostureProperties(
    @DefaultValue("10m") Duration cacheFor,
    @DefaultValue("60s") Duration scanTimeout,
    @DefaultValue("500") int pageSize,
    @DefaultValue("50000") int maxObjects,
    @DefaultValue("365d") Duration maxExceptionDuration,
    @DefaultValue("30d") Duration certificateWarning,
    @DefaultValue("5s") Duration certificateTimeout) {

  public PostureProperties {
    settingsOf(
        cacheFor, scanTimeout, pageSize, maxObjects, maxExceptionDuration, certificateWarning);
    if (certificateTimeout.compareTo(Duration.ofMillis(100)) < 0
        || certificateTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "kubeward.posture.certificate-timeout must be 100ms to 1m, not " + certificateTimeout);
    }
  }

  private static PostureSettings settingsOf(
      Duration cacheFor,
      Duration scanTimeout,
      int pageSize,
      int maxObjects,
      Duration maxExceptionDuration,
      Duration certificateWarning) {
    return new PostureSettings(
        cacheFor, scanTimeout, pageSize, maxObjects, maxExceptionDuration, certificateWarning);
  }

  public PostureSettings settings() {
    return settingsOf(
        cacheFor, scanTimeout, pageSize, maxObjects, maxExceptionDuration, certificateWarning);
  }
}
