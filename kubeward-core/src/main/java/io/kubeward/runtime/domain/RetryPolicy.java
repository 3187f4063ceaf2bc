package io.kubeward.runtime.domain;

import java.time.Duration;

/**
 * Exponential retry delays after failed reconciles of one key: {@code base}, {@code 2·base}, {@code
 * 4·base} ... capped at {@code max}; a success forgets the failures.
 */
public record RetryPolicy(Duration base, Duration max) {

  public RetryPolicy {
    if (base == null || !base.isPositive()) {
      throw new IllegalArgumentException("retry base must be positive, is " + base);
    }
    if (max == null || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("retry max must be at least the base, is " + max);
    }
  }

  /** The delay before retry number {@code failures} (1 for the first failure). */
  public Duration delay(int failures) {
    if (failures <= 1) {
      return base;
    }
    int shift = Math.min(failures - 1, 62);
    long baseNanos = base.toNanos();
    if (baseNanos > max.toNanos() >> shift) {
      return max;
    }
    Duration d = Duration.ofNanos(baseNanos << shift);
    return d.compareTo(max) > 0 ? max : d;
  }
}
