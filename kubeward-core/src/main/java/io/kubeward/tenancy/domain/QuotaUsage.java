package io.kubeward.tenancy.domain;

import java.util.List;

/** A ResourceQuota's utilisation: used against hard per resource, for the bars. */
public record QuotaUsage(String namespace, String name, List<Line> resources) {

  /** One resource; {@code percent} is used/hard (0..∞, {@code -1} when hard is zero). */
  public record Line(String resource, String used, String hard, double percent) {}
}
