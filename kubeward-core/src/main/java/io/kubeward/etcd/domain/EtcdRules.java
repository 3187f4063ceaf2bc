package io.kubeward.etcd.domain;

import java.util.List;
import java.util.Locale;

/**
 * The limits an etcd connection must respect ({@code kubeward.etcd.*}).
 *
 * @param allowedHosts the hosts an endpoint may name (lower case, exact); empty: any host
 * @param maxEndpoints endpoints per connection (1–16)
 * @param maxPemBytes bytes of one PEM field at most (1 KiB – 1 MiB)
 * @param maxRetain the largest retention count an administrator may set (1–1000)
 */
public record EtcdRules(
    List<String> allowedHosts, int maxEndpoints, int maxPemBytes, int maxRetain) {

  public static final int MAX_CA_CERTIFICATES = 16;

  public EtcdRules {
    allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    if (maxEndpoints < 1 || maxEndpoints > 16) {
      throw new IllegalArgumentException("maxEndpoints must be 1–16, was " + maxEndpoints);
    }
    if (maxPemBytes < 1024 || maxPemBytes > 1024 * 1024) {
      throw new IllegalArgumentException("maxPemBytes must be 1 KiB – 1 MiB, was " + maxPemBytes);
    }
    if (maxRetain < 1 || maxRetain > 1000) {
      throw new IllegalArgumentException("maxRetain must be 1–1000, was " + maxRetain);
    }
  }

  public static EtcdRules defaults() {
    return new EtcdRules(List.of(), 5, 64 * 1024, 100);
  }

  public boolean hostAllowed(String host) {
    return allowedHosts.isEmpty() || allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }
}
