package io.kubeward.tenancy.domain;

import java.util.Map;

/**
 * The container limits of a LimitRange ({@code type: Container}): defaults (limits), default
 * requests, min, max and the max limit/request ratio; each a resource → quantity map.
 */
public record LimitRangeSpec(
    Map<String, String> defaultLimits,
    Map<String, String> defaultRequests,
    Map<String, String> min,
    Map<String, String> max,
    Map<String, String> maxLimitRequestRatio) {

  public LimitRangeSpec {
    defaultLimits = QuantityBounds.check("limitRange.default", defaultLimits);
    defaultRequests = QuantityBounds.check("limitRange.defaultRequest", defaultRequests);
    min = QuantityBounds.check("limitRange.min", min);
    max = QuantityBounds.check("limitRange.max", max);
    maxLimitRequestRatio =
        QuantityBounds.check("limitRange.maxLimitRequestRatio", maxLimitRequestRatio);
  }

  public static final LimitRangeSpec NONE =
      new LimitRangeSpec(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
}
