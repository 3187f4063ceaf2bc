package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeward.access.domain.NamespaceVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewQueryTest {

  /** A simple in-memory IndexedViews, indexed like the cache's store. */
  static final class Views implements IndexedViews<PodView> {
    final Map<String, PodView> byKey = new LinkedHashMap<>();

    void add(PodView pod) {
      byKey.put(pod.namespace() + "/" + pod.name(), pod);
    }

    @Override
    public Collection<PodView> all() {
      return byKey.values();
    }

    @Override
    public int size() {
      return byKey.size();
    }

    @Override
    public Collection<String> keys(String index, String value) {
      Set<String> keys = new HashSet<>();
      var indexer = Indexes.forKind(CachedKind.PODS).get(index);
      byKey.forEach(
          (k, v) -> {
            if (indexer != null && indexer.apply(v).contains(value)) {
              keys.add(k);
            }
          });
      return keys;
    }

    @Override
    public PodView view(String key) {
      return byKey.get(key);
    }
  }

  static PodView pod(
      String ns, String name, String node, PodProblem problem, int restarts, int age) {
    return new PodView(
        ns,
        name,
        "u-" + name,
        "1",
        Instant.parse("2026-01-01T00:00:00Z").minusSeconds(age),
        Map.of("app", name.startsWith("web") ? "web" : "db"),
        new OwnerRef("ReplicaSet", name.substring(0, 3)),
        node,
        PodPhase.RUNNING,
        problem,
        "1/1",
        restarts,
        null,
        Resources.ZERO,
        Resources.ZERO);
  }

  private final Views views = new Views();

  private ListQuery query(
      String namespace, String selector, SortOrder order, int limit, ContinueToken after) {
    return new ListQuery(
        namespace,
        LabelSelector.parse(selector),
        null,
        null,
        null,
        null,
        null,
        order,
        limit,
        after);
  }

  @Test
  void pagesThroughEverythingInOrderWithStableTokens() {
    for (int i = 0; i < 25; i++) {
      views.add(pod(i % 2 == 0 ? "a" : "b", String.format("web-%02d", i), "n1", null, i, i));
    }
    List<String> seen = new ArrayList<>();
    ContinueToken after = null;
    int pages = 0;
    do {
      Page<PodView> page =
          ViewQuery.run(
              views, query(null, null, SortOrder.NAME, 10, after), NamespaceVisibility.ALL);
      assertThat(page.total()).isEqualTo(pages == 0 ? 25 : 26);
      page.items().forEach(p -> seen.add(p.name()));
      after =
          page.continueToken() == null
              ? null
              : ContinueToken.decode(page.continueToken(), SortOrder.NAME);
      pages++;
      if (pages == 1) {
        // an object added before the cursor does not shift the next page
        views.add(pod("a", "web-00a", "n1", null, 0, 0));
      }
    } while (after != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void filtersByNamespaceVisibilityLabelsProblemAndNode() {
    views.add(pod("a", "web-1", "n1", PodProblem.CRASH_LOOP_BACK_OFF, 5, 1));
    views.add(pod("a", "db-1", "n2", null, 0, 2));
    views.add(pod("b", "web-2", "n1", PodProblem.OOM_KILLED, 1, 3));
    views.add(pod("c", "web-3", "n1", null, 0, 4));

    NamespaceVisibility onlyAB = NamespaceVisibility.only(Set.of("a", "b"));
    assertThat(
            names(ViewQuery.run(views, query(null, "app=web", SortOrder.NAME, 50, null), onlyAB)))
        .containsExactly("web-1", "web-2");
    assertThat(names(ViewQuery.run(views, query("c", null, SortOrder.NAME, 50, null), onlyAB)))
        .isEmpty();
    ListQuery problems =
        new ListQuery(
            null, null, null, "n1", null, "any", null, SortOrder.RESTARTS_DESCENDING, 50, null);
    Page<PodView> page = ViewQuery.run(views, problems, NamespaceVisibility.ALL);
    assertThat(names(page)).containsExactly("web-1", "web-2");
    assertThat(page.total()).isEqualTo(2);
    ListQuery oom =
        new ListQuery(null, null, "WEB", null, null, "OOMKilled", null, SortOrder.AGE, 50, null);
    assertThat(names(ViewQuery.run(views, oom, NamespaceVisibility.ALL))).containsExactly("web-2");
    assertThat(
            names(
                ViewQuery.run(
                    views, query(null, null, SortOrder.AGE, 50, null), NamespaceVisibility.ALL)))
        .containsExactly("web-1", "db-1", "web-2", "web-3");
    ListQuery owned =
        new ListQuery(
            "a", null, null, null, null, null, "ReplicaSet/web", SortOrder.NAME, 50, null);
    assertThat(names(ViewQuery.run(views, owned, NamespaceVisibility.ALL)))
        .containsExactly("web-1");
  }

  @Test
  void nothingVisibleGivesAnEmptyPage() {
    views.add(pod("a", "web-1", "n1", null, 0, 1));
    Page<PodView> page =
        ViewQuery.run(views, query(null, null, SortOrder.NAME, 50, null), NamespaceVisibility.NONE);
    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isZero();
  }

  @Test
  void tokenOfAnotherOrderIsRejected() {
    String token = new ContinueToken(SortOrder.NAME, new SortKey(0, "x", "a", "x")).encode();
    assertThat(ContinueToken.decode(token, SortOrder.NAME).after().name()).isEqualTo("x");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ContinueToken.decode(token, SortOrder.AGE))
        .isInstanceOf(ContinueToken.InvalidTokenException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ContinueToken.decode("%%%", SortOrder.AGE))
        .isInstanceOf(ContinueToken.InvalidTokenException.class);
  }

  @Test
  void everyOrderPagesThroughTheSameItemsAsAFullSort() {
    // ties on the number and the text (same restarts, same age, same status): the namespace and
    // the name decide, in every order, and no page loses or repeats an item
    for (int i = 0; i < 97; i++) {
      views.add(
          pod(
              "ns-" + (i % 3),
              (i % 2 == 0 ? "web-" : "db-") + (i * 37 % 97),
              "n1",
              null,
              i % 4,
              i % 5));
    }
    for (SortOrder order : SortOrder.values()) {
      List<String> expected =
          views.all().stream()
              .sorted(java.util.Comparator.comparing(order::keyOf))
              .map(p -> p.namespace() + "/" + p.name())
              .toList();
      for (int limit : List.of(1, 7, 50, 500)) {
        List<String> seen = new ArrayList<>();
        ContinueToken after = null;
        do {
          Page<PodView> page =
              ViewQuery.run(views, query(null, null, order, limit, after), NamespaceVisibility.ALL);
          page.items().forEach(p -> seen.add(p.namespace() + "/" + p.name()));
          after =
              page.continueToken() == null
                  ? null
                  : ContinueToken.decode(page.continueToken(), order);
        } while (after != null);
        assertThat(seen).as("%s, %d per page", order, limit).isEqualTo(expected);
      }
    }
  }

  @Test
  void sortKeysCompareByNumberThenTextThenNamespaceThenName() {
    SortKey key = new SortKey(1, "b", "b", "b");
    assertThat(key).isGreaterThan(new SortKey(0, "z", "z", "z"));
    assertThat(key).isGreaterThan(new SortKey(1, "a", "z", "z"));
    assertThat(key).isGreaterThan(new SortKey(1, "b", "a", "z"));
    assertThat(key).isGreaterThan(new SortKey(1, "b", "b", "a"));
    assertThat(key).isEqualByComparingTo(new SortKey(1, "b", "b", "b"));
    assertThat(key).isLessThan(new SortKey(1, "b", "b", "c"));
  }

  private static List<String> names(Page<PodView> page) {
    return page.items().stream().map(PodView::name).toList();
  }
}
