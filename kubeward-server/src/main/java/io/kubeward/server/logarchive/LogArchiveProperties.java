package io.kubeward.server.logarchive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Past-log search ({@code kubeward.log-archive.*}, ADR 0028); validated when bound.
 *
 * @param connectTimeout TCP/TLS connect timeout to the archive
 * @param maxResponseBytes bytes of one answer read at most
 * @param maxLineLength characters of one log line kept (the rest cut)
 * @param maxConcurrent searches under way at once in this replica; more get 503 at once
 * @param defaultLimit lines of a search without a limit
 * @param maxLimit the most lines a search may ask for
 * @param defaultRange the time range of a search without {@code from}
 * @param maxRange the longest time range a search may cover
 */
@ConfigurationProperties("kubeward.log-archive")
public record LogArchiveProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("16MB") DataSize maxResponseBytes,
    @DefaultValue("16384") int maxLineLength,
    @DefaultValue("8") int maxConcurrent,
    @DefaultValue("200") int defaultLimit,
    @DefaultValue("2000") int maxLimit,
    @DefaultValue("1h") Duration defaultRange,
    @DefaultValue("31d") Duration maxRange) {

  public LogArchiveProperties {
    require(
        !connectTimeout.isNegative()
            && !connectTimeout.isZero()
            && connectTimeout.toSeconds() <= 60,
        "connect-timeout must be between 1 ms and 60 s");
    require(
        maxResponseBytes.toBytes() >= 1024 && maxResponseBytes.toMegabytes() <= 256,
        "max-response-bytes must be between 1KB and 256MB");
    require(
        maxLineLength >= 80 && maxLineLength <= 1_048_576, "max-line-length must be 80..1048576");
    require(maxConcurrent >= 1 && maxConcurrent <= 256, "max-concurrent must be 1..256");
    require(maxLimit >= 1 && maxLimit <= 10_000, "max-limit must be 1..10000");
    require(defaultLimit >= 1 && defaultLimit <= maxLimit, "default-limit must be 1..max-limit");
    require(
        !maxRange.isNegative() && !maxRange.isZero() && maxRange.toDays() <= 400,
        "max-range must be between 1 ms and 400 days");
    require(
        !defaultRange.isNegative()
            && !defaultRange.isZero()
            && defaultRange.compareTo(maxRange) <= 0,
        "default-range must be between 1 ms and max-range");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("kubeward.log-archive." + message);
    }
  }
}
