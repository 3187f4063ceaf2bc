package io.kubeward.usage.domain;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Quantities of the metrics API as whole numbers: CPU in nanocores, memory in bytes, both rounded
 * up (as Kubernetes' {@code Quantity.Value()}); millicores from nanocores rounded up (as {@code
 * MilliValue()}), so Kubeward shows what {@code kubectl top} shows.
 */
public final class Units {

  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);

  private Units() {}

  /** A CPU quantity ({@code 250m}, {@code 123456n}, {@code 2}) in nanocores; 0 for null. */
  public static long nanos(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return clamp(Quantity.getAmountInBytes(quantity).multiply(BILLION));
  }

  /** A quantity ({@code 128Mi}, {@code 1000Ki}) as a whole number, rounded up; 0 for null. */
  public static long whole(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return clamp(Quantity.getAmountInBytes(quantity));
  }

  /** A quantity ({@code 500m}, {@code 2}) in thousandths, rounded up; 0 for null. */
  public static long millis(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return clamp(Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(1000)));
  }

  /** Nanocores to millicores, rounded up. */
  public static long millisOfNanos(long nanos) {
    return Math.ceilDiv(nanos, 1_000_000L);
  }

  /** {@code part} of {@code whole} in percent, {@code null} when {@code whole} is not positive. */
  public static @Nullable Double percent(Long part, Long whole) {
    if (part == null || whole == null || whole <= 0) {
      return null;
    }
    return Math.round(part * 10000.0 / whole) / 100.0;
  }

  /** {@code part / whole}, {@code null} when {@code whole} is not positive. */
  public static @Nullable Double ratio(long part, long whole) {
    if (whole <= 0) {
      return null;
    }
    return Math.round(part * 10000.0 / whole) / 10000.0;
  }

  private static long clamp(BigDecimal value) {
    BigDecimal rounded = value.setScale(0, RoundingMode.CEILING);
    if (rounded.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (rounded.signum() < 0) {
      return 0;
    }
    return rounded.longValue();
  }
}
