package io.kubeward.cluster.domain;

import java.util.Optional;

/**
 * How a list is sorted. Every order ends with namespace and name, so it is total and a page
 * boundary can be named by the last item's key. {@code age} lists the youngest first, {@code -age}
 * the oldest first.
 */
public enum SortOrder {
  NAME("name"),
  NAMESPACE("namespace"),
  AGE("age"),
  AGE_DESCENDING("-age"),
  RESTARTS("restarts"),
  RESTARTS_DESCENDING("-restarts"),
  STATUS("status");

  private final String parameter;

  SortOrder(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public static Optional<SortOrder> parse(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return Optional.of(NAMESPACE);
    }
    for (SortOrder order : values()) {
      if (order.parameter.equals(parameter)) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }

  /** The position of {@code view} in this order. */
  public SortKey keyOf(KubeObjectView view) {
    String namespace = view.namespace() == null ? "" : view.namespace();
    long created = view.createdAt() == null ? 0 : view.createdAt().toEpochMilli();
    return switch (this) {
      case NAME -> new SortKey(0, view.name(), namespace, view.name());
      case NAMESPACE -> new SortKey(0, namespace, namespace, view.name());
      case AGE -> new SortKey(-created, "", namespace, view.name());
      case AGE_DESCENDING -> new SortKey(created, "", namespace, view.name());
      case RESTARTS -> new SortKey(view.restarts(), "", namespace, view.name());
      case RESTARTS_DESCENDING -> new SortKey(-view.restarts(), "", namespace, view.name());
      case STATUS ->
          new SortKey(0, view.status() == null ? "" : view.status(), namespace, view.name());
    };
  }
}
