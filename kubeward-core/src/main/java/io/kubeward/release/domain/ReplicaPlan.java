package io.kubeward.release.domain;

/**
 * How a weight becomes pods under the replica-ratio router: {@code canary = ceil(total * w / 100)},
 * {@code stable = total - canary}. So any weight above 0 gets at least one canary pod, and 100 %
 * moves every pod to the canary.
 */
public record ReplicaPlan(int canary, int stable) {

  /** Largest number of replicas a Release works with. */
  public static final int MAX_TOTAL = 10_000;

  public static ReplicaPlan of(int total, int weight) {
    if (total < 0 || total > MAX_TOTAL) {
      throw new IllegalArgumentException("total must be 0.." + MAX_TOTAL + ": " + total);
    }
    if (weight < 0 || weight > 100) {
      throw new IllegalArgumentException("weight must be 0..100: " + weight);
    }
    int canary = (int) ((total * (long) weight + 99) / 100);
    return new ReplicaPlan(canary, total - canary);
  }

  /** The weight the pods give when the router is the replica ratio. */
  public static int weightOf(int canaryReady, int stableReady) {
    int all = canaryReady + stableReady;
    return all == 0 ? 0 : (int) Math.round(100.0 * canaryReady / all);
  }
}
