package io.kubeward.events.app;

import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.common.Paging;
import io.kubeward.events.domain.EventCursor;
import io.kubeward.events.domain.EventQuery;
import io.kubeward.events.domain.EventRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The cluster-wide search of stored events (type, reason, namespace, kind, name, text, time range),
 * paged, and its export; only events in namespaces where the caller may list events. Every input is
 * bounded: texts by length, the time range by {@code max-range}, pages by {@link Paging}, exports
 * by {@code max-export-rows}.
 */
public final class SearchEvents {

  static final int MAX_TEXT = 253;

  private final ClusterReads reads;
  private final EventStore store;
  private final EventSettings settings;
  private final Clock clock;

  public SearchEvents(ClusterReads reads, EventStore store, EventSettings settings, Clock clock) {
    this.reads = reads;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** A search as sent (every field optional). */
  public record Filter(
      @Nullable String type,
      @Nullable String reason,
      @Nullable String namespace,
      @Nullable String kind,
      @Nullable String name,
      @Nullable String text,
      @Nullable Instant from,
      @Nullable Instant to) {}

  /** One page: {@code next} is the token of the next (older) page, {@code null} on the last. */
  public record Result(List<EventRow> items, @Nullable String next, Instant from, Instant to) {}

  public Result search(
      Caller caller, String cluster, Filter filter, @Nullable String continueToken, int limit) {
    EventCursor after = null;
    if (continueToken != null && !continueToken.isBlank()) {
      after =
          EventCursor.parse(continueToken)
              .orElseThrow(() -> Paging.invalid("continue", continueToken, "a token of a page"));
    }
    EventQuery query = query(caller, cluster, filter, after, limit + 1);
    if (query == null) {
      Instant to = filter.to() == null ? clock.instant() : filter.to();
      return new Result(List.of(), null, to.minus(defaultRange()), to);
    }
    List<EventRow> rows = store.search(cluster, query);
    boolean more = rows.size() > limit;
    List<EventRow> page = more ? rows.subList(0, limit) : rows;
    String next = null;
    if (more) {
      EventRow last = page.getLast();
      next = new EventCursor(last.event().lastSeen(), last.id()).token();
    }
    return new Result(List.copyOf(page), next, query.from(), query.to());
  }

  /**
   * Checks the caller and the filter (before an export's response starts), then returns a function
   * that streams at most {@code max-export-rows} rows.
   */
  public Consumer<Consumer<EventRow>> export(Caller caller, String cluster, Filter filter) {
    EventQuery query = query(caller, cluster, filter, null, settings.maxExportRows());
    if (query == null) {
      return sink -> {};
    }
    return sink -> store.export(cluster, query, settings.maxExportRows(), sink);
  }

  /** The query, or {@code null} when the caller may read events in no namespace. */
  private @Nullable EventQuery query(
      Caller caller, String clusterName, Filter filter, @Nullable EventCursor after, int limit) {
    ManagedCluster cluster = reads.known(clusterName);
    String type = type(filter.type());
    Instant to = filter.to() == null ? clock.instant() : filter.to();
    Instant from = filter.from() == null ? to.minus(defaultRange()) : filter.from();
    if (!from.isBefore(to)) {
      throw Paging.invalid("from", from.toString(), "a time before to (" + to + ")");
    }
    if (Duration.between(from, to).compareTo(settings.maxRange()) > 0) {
      throw Paging.invalid(
          "from", from.toString(), "at most " + settings.maxRange().toDays() + " days before to");
    }
    NamespaceVisibility visible = reads.visible(caller, cluster, CachedKind.EVENTS);
    String namespace = text("namespace", filter.namespace());
    if (visible.isEmpty() || (namespace != null && !visible.includes(namespace))) {
      return null;
    }
    Set<String> namespaces = visible.all() ? null : visible.namespaces();
    return new EventQuery(
        type,
        text("reason", filter.reason()),
        namespace,
        text("kind", filter.kind()),
        text("name", filter.name()),
        text("text", filter.text()),
        from,
        to,
        namespaces,
        after,
        limit);
  }

  private Duration defaultRange() {
    return settings.retention().compareTo(settings.maxRange()) < 0
        ? settings.retention()
        : settings.maxRange();
  }

  private static @Nullable String type(@Nullable String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    return switch (type.strip().toLowerCase(Locale.ROOT)) {
      case "normal" -> "Normal";
      case "warning" -> "Warning";
      default -> throw Paging.invalid("type", type, "Normal or Warning");
    };
  }

  private static @Nullable String text(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw Paging.invalid(
          parameter, value.substring(0, 20) + "…", "at most " + MAX_TEXT + " characters");
    }
    return value.strip();
  }
}
