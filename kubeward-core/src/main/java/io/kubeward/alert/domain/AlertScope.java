package io.kubeward.alert.domain;

import org.jspecify.annotations.Nullable;

/**
 * Who evaluates and notifies a set of alerts: the replica leading a cluster's controllers (ADR
 * 0014) for the alerts of that cluster's rules, or the site's leader ({@code cluster == null}) for
 * alerts no cluster can raise about itself (Kubeward cannot reach a cluster). {@link #key()} is the
 * stored form.
 */
public record AlertScope(@Nullable String cluster) {

  public static final String SITE_KEY = "site";

  public static AlertScope ofCluster(String cluster) {
    return new AlertScope(cluster);
  }

  public static AlertScope site() {
    return new AlertScope(null);
  }

  public boolean isSite() {
    return cluster == null;
  }

  public String key() {
    return cluster == null ? SITE_KEY : "cluster/" + cluster;
  }

  public static AlertScope ofKey(String key) {
    if (key.equals(SITE_KEY)) {
      return site();
    }
    if (key.startsWith("cluster/") && key.length() > "cluster/".length()) {
      return ofCluster(key.substring("cluster/".length()));
    }
    throw new IllegalArgumentException("not an alert scope: " + key);
  }
}
