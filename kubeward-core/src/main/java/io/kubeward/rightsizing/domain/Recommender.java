package io.kubeward.rightsizing.domain;

import java.time.Instant;
import java.util.List;

/**
 * Recommends a container's requests from its usage over a window, like the VPA recommender: CPU at
 * a percentile plus margin, memory at its peak (or a percentile) plus margin, never below the
 * floors, rounded up to quantities people write (ADR 0048).
 */
public final class Recommender {

  private static final double GIB = 1024.0 * 1024 * 1024;

  private final RightsizingPolicy policy;

  public Recommender(RightsizingPolicy policy) {
    this.policy = policy;
  }

  public RightsizingPolicy policy() {
    return policy;
  }

  public Recommendation recommend(
      ContainerFacts current, List<UsageSample> samples, Instant start, Instant end) {
    double[] cpu =
        samples.stream()
            .filter(s -> s.cpuMillis() != null)
            .mapToDouble(s -> s.cpuMillis())
            .toArray();
    double[] memory =
        samples.stream()
            .filter(s -> s.memoryBytes() != null)
            .mapToDouble(s -> s.memoryBytes())
            .toArray();
    int count = Math.max(cpu.length, memory.length);
    double coverage = coverage(samples, start, end);
    Confidence confidence = Confidence.of(count, coverage, policy);
    double cpuUsage = Percentiles.nearestRank(cpu, policy.cpuPercentile());
    double memoryUsage = Percentiles.nearestRank(memory, policy.memoryPercentile());
    long cpuRec = cpu.length == 0 ? 0 : cpuRequest(cpuUsage);
    long memRec = memory.length == 0 ? 0 : memoryRequest(memoryUsage);
    Verdict verdict = verdict(current, cpuUsage, memoryUsage, cpuRec, memRec, count);
    long wastedCpu =
        current.cpuRequest() > 0 && cpuRec > 0
            ? (current.cpuRequest() - cpuRec) * Math.max(1, current.replicas())
            : 0;
    long wastedMemory =
        current.memoryRequest() > 0 && memRec > 0
            ? (current.memoryRequest() - memRec) * Math.max(1, current.replicas())
            : 0;
    double score = Math.abs(wastedCpu) / 1000.0 + Math.abs(wastedMemory) / GIB / 4;
    return new Recommendation(
        current,
        cpuUsage,
        memoryUsage,
        cpuRec,
        memRec,
        count,
        coverage,
        start,
        end,
        confidence,
        verdict,
        wastedCpu,
        wastedMemory,
        score);
  }

  /** The CPU request for a usage percentile: plus margin, at least the floor, rounded up. */
  public long cpuRequest(double usageMillis) {
    return Quantities.roundCpu(
        Math.max(policy.cpuFloorMillis(), usageMillis * (1 + policy.cpuMargin())));
  }

  /** The memory request for a usage percentile: plus margin, at least the floor, rounded up. */
  public long memoryRequest(double usageBytes) {
    return Quantities.roundMemory(
        Math.max(policy.memoryFloorBytes(), usageBytes * (1 + policy.memoryMargin())));
  }

  private Verdict verdict(
      ContainerFacts c, double cpuUsage, double memoryUsage, long cpuRec, long memRec, int n) {
    if (n == 0) {
      return Verdict.NO_DATA;
    }
    if (c.cpuRequest() == 0 && c.memoryRequest() == 0) {
      return Verdict.NO_REQUESTS;
    }
    if ((c.cpuRequest() > 0 && cpuUsage > c.cpuRequest())
        || (c.memoryRequest() > 0 && memoryUsage > c.memoryRequest())) {
      return Verdict.OVER_COMMITTED;
    }
    if (!Double.isNaN(cpuUsage)
        && cpuUsage <= policy.idleCpuMillis()
        && c.cpuRequest() > policy.cpuFloorMillis()) {
      return Verdict.IDLE;
    }
    double slack = 1 + policy.tolerance();
    if ((cpuRec > 0 && c.cpuRequest() > cpuRec * slack)
        || (memRec > 0 && c.memoryRequest() > memRec * slack)) {
      return Verdict.OVER_PROVISIONED;
    }
    return Verdict.RIGHT_SIZED;
  }

  /** The share of {@code [start, end)} between the first and the last sample. */
  static double coverage(List<UsageSample> samples, Instant start, Instant end) {
    long window = end.toEpochMilli() - start.toEpochMilli();
    if (samples.size() < 2 || window <= 0) {
      return 0;
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (UsageSample s : samples) {
      first = Math.min(first, s.t());
      last = Math.max(last, s.t());
    }
    return Math.min(1.0, (double) (last - first) / window);
  }
}
