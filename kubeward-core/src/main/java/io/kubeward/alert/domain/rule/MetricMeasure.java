package io.kubeward.alert.domain.rule;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a metric condition compares: an absolute amount or a ratio (0..1). {@code used} is live
 * usage (the metrics API; pods: the pods holding node resources), {@code requests}/{@code limits}
 * the pods' effective requests and limits, {@code allocatable} the nodes', {@code quota} the
 * tightest ResourceQuota of the namespace for that resource.
 */
public enum MetricMeasure {
  used(false, Set.of(MetricTarget.values())),
  requests(false, Set.of(MetricTarget.values())),
  limits(false, Set.of(MetricTarget.values())),
  usedOfAllocatable(true, Set.of(MetricTarget.node, MetricTarget.cluster)),
  requestsOfAllocatable(true, Set.of(MetricTarget.node, MetricTarget.cluster)),
  limitsOfAllocatable(true, Set.of(MetricTarget.node, MetricTarget.cluster)),
  usedOfRequests(true, Set.of(MetricTarget.values())),
  usedOfLimits(true, Set.of(MetricTarget.values())),
  usedOfQuota(true, Set.of(MetricTarget.namespace));

  private final boolean ratio;
  private final Set<MetricTarget> targets;

  MetricMeasure(boolean ratio, Set<MetricTarget> targets) {
    this.ratio = ratio;
    this.targets = targets;
  }

  public boolean ratio() {
    return ratio;
  }

  public boolean appliesTo(MetricTarget target) {
    return targets.contains(target);
  }

  /** Whether it needs live usage of CPU or memory (a metrics source). */
  public boolean needsUsage() {
    return this == used
        || this == usedOfAllocatable
        || this == usedOfRequests
        || this == usedOfLimits;
  }

  public static Optional<MetricMeasure> of(String value) {
    for (MetricMeasure m : values()) {
      if (m.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** What a metric condition is about. */
  public enum MetricTarget {
    node,
    namespace,
    pod,
    cluster;

    public static Optional<MetricTarget> of(String value) {
      return parse(MetricTarget.class, value);
    }
  }

  /** Which resource. */
  public enum MetricResource {
    cpu,
    memory,
    pods;

    public static Optional<MetricResource> of(String value) {
      return parse(MetricResource.class, value);
    }
  }

  /** How the value is compared with the threshold. */
  public enum Comparison {
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<="),
    EQ("=="),
    NE("!=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean holds(double value, double threshold) {
      return switch (this) {
        case GT -> value > threshold;
        case GE -> value >= threshold;
        case LT -> value < threshold;
        case LE -> value <= threshold;
        case EQ -> value == threshold;
        case NE -> value != threshold;
      };
    }

    public static Optional<Comparison> of(String symbol) {
      for (Comparison c : values()) {
        if (c.symbol.equals(symbol == null ? "" : symbol.strip())) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
