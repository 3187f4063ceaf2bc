package io.kubeward.cluster.domain;

import java.util.Comparator;

/** A position in a {@link SortOrder}: a number, a text, then namespace and name. */
public record SortKey(long number, String text, String namespace, String name)
    implements Comparable<SortKey> {

  private static final Comparator<SortKey> ORDER =
      Comparator.comparingLong(SortKey::number)
          .thenComparing(SortKey::text)
          .thenComparing(SortKey::namespace)
          .thenComparing(SortKey::name);

  @Override
  public int compareTo(SortKey other) {
    return ORDER.compare(this, other);
  }
}
