package io.kubeward.rightsizing.domain;

import java.util.Locale;

/** What a container's requests are, compared with its usage (wire names → i18n). */
public enum Verdict {
  /** No usage samples in the window: nothing to recommend. */
  NO_DATA,
  /** Neither a CPU nor a memory request: the scheduler places it blind. */
  NO_REQUESTS,
  /** Usage above its requests: at risk of throttling, eviction or OOM on a busy node. */
  OVER_COMMITTED,
  /** Almost no CPU used while requesting more than the floor. */
  IDLE,
  /** Requests above what it uses (plus margin). */
  OVER_PROVISIONED,
  /** Requests within the tolerance of the recommendation. */
  RIGHT_SIZED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
