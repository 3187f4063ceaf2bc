package io.kubeward.capacity.domain;

import org.jspecify.annotations.Nullable;

/**
 * One resource of a group of nodes (CPU in millicores, memory in bytes, pods as a count).
 *
 * @param used what the metrics API measured, {@code null} without metrics (never for pods: the
 *     count of pods that hold resources)
 * @param headroom what the headroom policy keeps free: allocatable × headroom %
 * @param requestable how much more can be requested before the headroom is eaten: allocatable −
 *     headroom − requested, never below 0
 */
public record ResourceCapacity(
    long allocatable, long requested, @Nullable Long used, long headroom, long requestable) {

  public static ResourceCapacity of(
      long allocatable, long requested, @Nullable Long used, HeadroomPolicy policy) {
    long headroom = policy.reserve(allocatable);
    return new ResourceCapacity(
        allocatable, requested, used, headroom, Math.max(0, allocatable - headroom - requested));
  }

  /** The demand limit a forecast is compared with: allocatable − headroom. */
  public long limit() {
    return allocatable - headroom;
  }
}
