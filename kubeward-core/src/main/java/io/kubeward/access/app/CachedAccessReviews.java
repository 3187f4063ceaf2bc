package io.kubeward.access.app;

import io.kubeward.access.domain.AccessRules;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.ResourceAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Remembers access review answers for a short time ({@code ttl}) so that a page, an overview or a
 * stream does not ask the apiserver again for each request. An answer is also dropped as soon as
 * its cluster's access generation changes (a cluster bumps it on every change of an RBAC object or
 * a namespace), so a new RoleBinding or a removed one counts at once. An answer asked within {@link
 * #SETTLE} of such a change is not remembered: Kubeward may hear of a change before the apiserver's
 * own authorizer has applied it, and an answer that predates it must not outlive the change by a
 * whole {@code ttl}. Bounded: when {@code maxEntries} is reached the older half is dropped.
 */
public final class CachedAccessReviews implements AccessReviews {

  /** Validated settings. */
  public record Settings(Duration ttl, int maxEntries) {
    public Settings {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("the access review ttl must be from 0s to 10m");
      }
      if (maxEntries < 100 || maxEntries > 10_000_000) {
        throw new IllegalArgumentException("max entries must be from 100 to 10000000");
      }
    }
  }

  /**
   * One question of one identity: a {@link ResourceAction} ({@link #allows}), a {@link
   * NamespacesOf} ({@link #namespaces}) or a {@link RulesIn} ({@link #rules}).
   */
  private record Key(String cluster, KubeIdentity who, Object question) {}

  private record NamespacesOf(ResourceAction action) {}

  private record RulesIn(String namespace) {}

  private record Entry(Object answer, Instant at, long generation) {}

  /** When Kubeward first saw a cluster's current access generation. */
  private record Seen(long generation, Instant at) {}

  /** How long after an RBAC change answers are asked again instead of remembered. */
  public static final Duration SETTLE = Duration.ofSeconds(2);

  private final AccessReviews reviews;
  private final Settings settings;
  private final ToLongFunction<String> generations;
  private final Clock clock;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  /**
   * @param generations the current access generation of a cluster by name
   */
  public CachedAccessReviews(
      AccessReviews reviews, Settings settings, ToLongFunction<String> generations, Clock clock) {
    this.reviews = reviews;
    this.settings = settings;
    this.generations = generations;
    this.clock = clock;
  }

  @Override
  public boolean allows(String cluster, KubeIdentity who, ResourceAction action) {
    Key key = new Key(cluster, who, action);
    return (Boolean) cached(key, () -> reviews.allows(cluster, who, action));
  }

  @Override
  public NamespaceVisibility namespaces(
      String cluster,
      KubeIdentity who,
      ResourceAction action,
      java.util.function.Supplier<? extends Collection<String>> namespaces) {
    Key key = new Key(cluster, who, new NamespacesOf(action.in(null)));
    return (NamespaceVisibility)
        cached(key, () -> reviews.namespaces(cluster, who, action, namespaces));
  }

  @Override
  public AccessRules rules(String cluster, KubeIdentity who, String namespace) {
    Key key = new Key(cluster, who, new RulesIn(namespace));
    return (AccessRules) cached(key, () -> reviews.rules(cluster, who, namespace));
  }

  /** How many answers are remembered (for metrics and tests). */
  public int size() {
    return entries.size();
  }

  private Object cached(Key key, java.util.function.Supplier<Object> ask) {
    Instant now = clock.instant();
    long generation = generations.applyAsLong(key.cluster());
    Entry entry = entries.get(key);
    if (entry != null
        && entry.generation() == generation
        && !entry.at().plus(settings.ttl()).isBefore(now)) {
      return entry.answer();
    }
    Instant changedAt =
        seen.compute(
                key.cluster(),
                (cluster, last) ->
                    last != null && last.generation() == generation
                        ? last
                        : new Seen(generation, now))
            .at();
    Object answer = ask.get();
    if (now.isBefore(changedAt.plus(SETTLE))) {
      return answer; // the apiserver may not have applied the change yet
    }
    if (entries.size() >= settings.maxEntries()) {
      evictOldest();
    }
    // An answer computed while the cluster's RBAC changed may be stale: do not keep it.
    if (generation == generations.applyAsLong(key.cluster())) {
      entries.put(key, new Entry(answer, now, generation));
    }
    return answer;
  }

  private synchronized void evictOldest() {
    if (entries.size() < settings.maxEntries()) {
      return;
    }
    Instant[] times = entries.values().stream().map(Entry::at).sorted().toArray(Instant[]::new);
    Instant median = times[times.length / 2];
    entries.values().removeIf(e -> !e.at().isAfter(median));
  }
}
