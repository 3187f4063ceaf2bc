package io.kubeward.cluster.domain;

import io.kubeward.access.domain.NamespaceVisibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Answers a {@link ListQuery} from indexed views without copying them: the smallest matching index
 * gives the candidates, every candidate is checked against all filters and the caller's namespaces,
 * and a bounded heap keeps the {@code limit} first items after the continue token. Cost: one pass
 * over the candidates, O(n log limit); memory: the page.
 */
public final class ViewQuery {

  private ViewQuery() {}

  public static <V extends KubeObjectView> Page<V> run(
      IndexedViews<V> views, ListQuery query, NamespaceVisibility visible) {
    if (visible.isEmpty() || (query.namespace() != null && !visible.includes(query.namespace()))) {
      return new Page<>(List.of(), 0, null);
    }
    SortOrder order = query.order();
    SortKey after = query.after() == null ? null : query.after().after();
    Comparator<Ranked<V>> byKey = Comparator.comparing(Ranked::key);
    PriorityQueue<Ranked<V>> page = new PriorityQueue<>(query.limit() + 1, byKey.reversed());
    int[] total = new int[1];
    int[] remaining = new int[1];
    Consumer<V> visit =
        view -> {
          if (view == null || !matches(view, query, visible)) {
            return;
          }
          total[0]++;
          SortKey key = order.keyOf(view);
          if (after != null && key.compareTo(after) <= 0) {
            return;
          }
          remaining[0]++;
          if (page.size() == query.limit() && key.compareTo(page.peek().key()) >= 0) {
            return; // after the last item of a full page: it would be added and dropped again
          }
          page.add(new Ranked<>(key, view));
          if (page.size() > query.limit()) {
            page.poll();
          }
        };
    forEachCandidate(views, query, visible, visit);
    List<Ranked<V>> ranked = new ArrayList<>(page);
    ranked.sort(byKey);
    List<V> items = ranked.stream().map(Ranked::view).toList();
    String next =
        remaining[0] > items.size() && !items.isEmpty()
            ? new ContinueToken(order, ranked.getLast().key()).encode()
            : null;
    return new Page<>(items, total[0], next);
  }

  private record Ranked<V>(SortKey key, V view) {}

  /** Visits the views of the most selective index the query allows, else all visible ones. */
  private static <V extends KubeObjectView> void forEachCandidate(
      IndexedViews<V> views, ListQuery query, NamespaceVisibility visible, Consumer<V> visit) {
    Collection<String> best = null;
    List<Collection<String>> options = new ArrayList<>();
    if (query.namespace() != null) {
      options.add(views.keys(Indexes.NAMESPACE, query.namespace()));
    }
    if (query.node() != null) {
      options.add(views.keys(Indexes.NODE, query.node()));
    }
    if (query.phase() != null) {
      options.add(views.keys(Indexes.PHASE, query.phase()));
    }
    if (query.problem() != null) {
      options.add(views.keys(Indexes.PROBLEM, query.problem()));
    }
    if (query.owner() != null && query.namespace() != null) {
      options.add(views.keys(Indexes.OWNER, query.namespace() + "/" + query.owner()));
    }
    for (LabelSelector.Requirement requirement : query.labels().requirements()) {
      if ((requirement.operator() == LabelSelector.Operator.EQUALS
              || requirement.operator() == LabelSelector.Operator.IN)
          && requirement.values().size() == 1) {
        options.add(
            views.keys(
                Indexes.LABEL, requirement.key() + "=" + requirement.values().iterator().next()));
      }
    }
    for (Collection<String> option : options) {
      if (best == null || option.size() < best.size()) {
        best = option;
      }
    }
    if (best != null) {
      for (String key : best) {
        visit.accept(views.view(key));
      }
      return;
    }
    if (!visible.all() && visible.namespaces().size() * 4 < views.size()) {
      for (String namespace : visible.namespaces()) {
        for (String key : views.keys(Indexes.NAMESPACE, namespace)) {
          visit.accept(views.view(key));
        }
      }
      return;
    }
    for (V view : views.all()) {
      visit.accept(view);
    }
  }

  static boolean matches(KubeObjectView view, ListQuery query, NamespaceVisibility visible) {
    String namespace = view instanceof NamespaceView ns ? ns.name() : view.namespace();
    if (!visible.includes(namespace)) {
      return false;
    }
    if (query.namespace() != null && !query.namespace().equals(view.namespace())) {
      return false;
    }
    if (query.nameContains() != null
        && !view.name().toLowerCase(Locale.ROOT).contains(query.nameContains())) {
      return false;
    }
    if (query.node() != null
        && !(view instanceof PodView pod && query.node().equals(pod.nodeName()))) {
      return false;
    }
    if (query.phase() != null && !query.phase().equals(Indexes.phaseOf(view))) {
      return false;
    }
    if (query.problem() != null) {
      String problem = Indexes.problemOf(view);
      if (problem == null
          || !(query.problem().equals(Indexes.ANY_PROBLEM) || query.problem().equals(problem))) {
        return false;
      }
    }
    if (query.owner() != null
        && (view.owner() == null
            || !query.owner().equals(view.owner().kind() + "/" + view.owner().name()))) {
      return false;
    }
    return query.labels().matches(view.labels());
  }
}
