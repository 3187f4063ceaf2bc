package io.kubeward.capacity.domain;

/** The share of allocatable kept free for spikes and failures, 0 to 90 %. */
public record HeadroomPolicy(int percent) {

  public static final HeadroomPolicy DEFAULT = new HeadroomPolicy(10);

  public HeadroomPolicy {
    if (percent < 0 || percent > 90) {
      throw new IllegalArgumentException(
          "headroom-percent must be between 0 and 90, is " + percent);
    }
  }

  /** The part of {@code allocatable} kept free, rounded up. */
  public long reserve(long allocatable) {
    return Math.ceilDiv(allocatable * percent, 100);
  }
}
