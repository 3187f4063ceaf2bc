package io.kubeward.cluster.domain;

/** A position in a {@link SortOrder}: a number, a text, then namespace and name. */
public record SortKey(long number, String text, String namespace, String name)
    implements Comparable<SortKey> {

  /**
   * Number, then text, then namespace, then name (written out: it runs per candidate of a page).
   */
  @Override
  public int compareTo(SortKey other) {
    int order = Long.compare(number, other.number);
    if (order != 0) {
      return order;
    }
    order = text.compareTo(other.text);
    if (order != 0) {
      return order;
    }
    order = namespace.compareTo(other.namespace);
    return order != 0 ? order : name.compareTo(other.name);
  }
}
