package io.kubeward.history.domain;

/**
 * What the built-in history keeps of one target at one time: CPU millicores, memory bytes, pods
 * ({@code null} where the sample had no value).
 */
public record UsageValues(Double cpu, Double memory, Double pods) {

  public Double get(HistoryMetric metric) {
    return switch (metric) {
      case CPU -> cpu;
      case MEMORY -> memory;
      case PODS -> pods;
      default -> null;
    };
  }
}
