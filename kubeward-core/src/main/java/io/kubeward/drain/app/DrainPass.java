package io.kubeward.drain.app;

import io.kubeward.drain.domain.DrainOptions;
import io.kubeward.drain.domain.DrainProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * One idempotent, non-blocking pass of a node drain: reads the node's pods live, evicts what may be
 * evicted now, and returns the progress; the caller calls it again with that progress until the
 * state is final. It never cordons (the caller does first) and never sleeps.
 */
public final class DrainPass {

  /** Default retry delays after a 429 or a failure: doubling from 5 s up to 2 min. */
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(5);

  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(2);

  private final DrainGateway gateway;
  private final Clock clock;
  private final Duration backoffBase;
  private final Duration backoffMax;

  public DrainPass(DrainGateway gateway, Clock clock) {
    this(gateway, clock, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX);
  }

  /**
   * @param backoffBase the delay before the first retry of a blocked or failed eviction; doubled on
   *     each further attempt
   * @param backoffMax the longest delay between two attempts
   */
  public DrainPass(DrainGateway gateway, Clock clock, Duration backoffBase, Duration backoffMax) {
    this.gateway = Objects.requireNonNull(gateway, "gateway");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (backoffBase.isNegative() || backoffBase.isZero() || backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoff must be positive with max >= base");
    }
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
  }

  /**
   * One pass.
   *
   * @param previous the last pass's progress, {@code null} on the first pass
   * @return the progress after this pass; pass it in next time
   */
  public DrainProgress advance(
      String cluster, String node, DrainOptions options, DrainProgress previous) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
