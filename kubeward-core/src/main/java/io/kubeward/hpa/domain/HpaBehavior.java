package io.kubeward.hpa.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code spec.behavior}: how fast the HPA scales up and down. */
public record HpaBehavior(@Nullable Rules scaleUp, @Nullable Rules scaleDown) {

  /** One direction: a stabilization window, how policies combine (Max, Min, Disabled). */
  public record Rules(
      @Nullable Integer stabilizationWindowSeconds,
      @Nullable String selectPolicy,
      @Nullable List<Policy> policies) {}

  /** At most {@code value} pods (type Pods) or percent (type Percent) per {@code periodSeconds}. */
  public record Policy(String type, Integer value, Integer periodSeconds) {}
}
