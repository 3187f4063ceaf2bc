package io.kubeward.cluster.domain;

import java.util.Collection;

/**
 * The views of one cached kind with their secondary indexes (see {@link Indexes}). All collections
 * are live, weakly consistent and read-only: iterate once, do not keep them.
 */
public interface IndexedViews<V extends KubeObjectView> {

  Collection<V> all();

  int size();

  /** The keys of the views whose {@code index} has {@code value}; empty if none. */
  Collection<String> keys(String index, String value);

  /** The view stored under {@code key}, {@code null} if it has gone meanwhile. */
  V view(String key);
}
