package io.kubeward.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.cluster.domain.ObjectView;
import io.kubeward.events.app.EventCollector;
import io.kubeward.events.app.EventSettings;
import io.kubeward.events.domain.EventCursor;
import io.kubeward.events.domain.EventQuery;
import io.kubeward.events.domain.EventRow;
import io.kubeward.events.domain.InvolvedObject;
import io.kubeward.events.domain.ObservedEvent;
import io.kubeward.server.persistence.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The event store, the same tests on H2 and on PostgreSQL. */
abstract class EventStoreContract {

  static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  HikariDataSource dataSource;
  JdbcEventStore store;

  abstract String newDatabaseUrl();

  String user() {
    return null;
  }

  @BeforeEach
  void migrate() {
    dataSource = TestDatabases.migrated(newDatabaseUrl(), user());
    store =
        new JdbcEventStore(
            new JdbcTemplate(dataSource),
            new TransactionTemplate(new JdbcTransactionManager(dataSource)));
  }

  @AfterEach
  void closePool() {
    dataSource.close();
  }

  static ObservedEvent event(
      String uid, String ns, String kind, String name, String reason, long count, Instant last) {
    return new ObservedEvent(
        uid,
        ns,
        reason.startsWith("Failed") || reason.equals("BackOff") ? "Warning" : "Normal",
        reason,
        "message of " + reason + " " + name,
        kind,
        ns,
        name,
        "uid-" + name,
        "kubelet",
        count,
        last.minusSeconds(60),
        last);
  }

  static EventQuery all(@Nullable Set<String> namespaces, int limit) {
    return new EventQuery(
        null,
        null,
        null,
        null,
        null,
        null,
        T0.minus(Duration.ofDays(30)),
        T0.plus(Duration.ofDays(30)),
        namespaces,
        null,
        limit);
  }

  @Test
  void theSameEventWithAGrowingCountIsOneRow() {
    assertThat(store.upsert("c1", List.of(event("u1", "a", "Pod", "p1", "BackOff", 1, T0))))
        .isEqualTo(1);
    store.upsert("c1", List.of(event("u1", "a", "Pod", "p1", "BackOff", 5, T0.plusSeconds(50))));
    // seen again unchanged (a re-scan): nothing written
    assertThat(
            store.upsert(
                "c1", List.of(event("u1", "a", "Pod", "p1", "BackOff", 5, T0.plusSeconds(50)))))
        .isZero();
    // the Event expired in the apiserver; a new Event object with the same key adds its count
    store.upsert("c1", List.of(event("u2", "a", "Pod", "p1", "BackOff", 2, T0.plusSeconds(900))));

    List<EventRow> rows = store.search("c1", all(null, 10));
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().event().count()).isEqualTo(7);
    assertThat(rows.getFirst().event().firstSeen()).isEqualTo(T0.minusSeconds(60));
    assertThat(rows.getFirst().event().lastSeen()).isEqualTo(T0.plusSeconds(900));
    assertThat(store.count("c1")).isEqualTo(1);
    assertThat(store.count("c2")).isZero();
  }

  @Test
  void searchFiltersPagesAndKeepsToVisibleNamespaces() {
    List<ObservedEvent> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String ns = i % 2 == 0 ? "a" : "b";
      batch.add(
          event(
              "u" + i,
              ns,
              "Pod",
              "pod-" + i,
              i % 3 == 0 ? "FailedMount" : "Pulled",
              1,
              T0.plusSeconds(i)));
    }
    store.upsert("c1", batch);
    store.upsert("c2", List.of(event("x", "a", "Pod", "other", "Pulled", 1, T0)));

    assertThat(store.search("c1", all(null, 100))).hasSize(30);
    assertThat(store.search("c1", all(Set.of("a"), 100))).hasSize(15);
    assertThat(store.search("c1", all(Set.of(), 100))).isEmpty();
    EventQuery warnings =
        new EventQuery(
            "Warning",
            null,
            null,
            null,
            null,
            null,
            T0.minusSeconds(1000),
            T0.plusSeconds(1000),
            null,
            null,
            100);
    assertThat(store.search("c1", warnings))
        .hasSize(10)
        .allMatch(r -> r.event().reason().equals("FailedMount"));
    EventQuery text =
        new EventQuery(
            null,
            null,
            "b",
            "Pod",
            null,
            "MOUNT POD-",
            T0.minusSeconds(1000),
            T0.plusSeconds(1000),
            null,
            null,
            100);
    assertThat(store.search("c1", text))
        .extracting(r -> r.event().objectName())
        .containsExactly("pod-27", "pod-21", "pod-15", "pod-9", "pod-3");
    EventQuery wildcard =
        new EventQuery(
            null,
            null,
            null,
            null,
            null,
            "%",
            T0.minusSeconds(1000),
            T0.plusSeconds(1000),
            null,
            null,
            100);
    assertThat(store.search("c1", wildcard)).isEmpty();
    // time range: overlapping [first, last]
    EventQuery early =
        new EventQuery(
            null,
            null,
            null,
            null,
            null,
            null,
            T0.minusSeconds(3600),
            T0.minusSeconds(55),
            null,
            null,
            100);
    assertThat(store.search("c1", early)).hasSize(6); // last-60s <= T0-55 for i <= 5

    // pages, newest first, without gaps or repeats
    List<String> seen = new ArrayList<>();
    EventCursor after = null;
    for (int page = 0; page < 10; page++) {
      EventQuery q =
          new EventQuery(
              null,
              null,
              null,
              null,
              null,
              null,
              T0.minusSeconds(1000),
              T0.plusSeconds(1000),
              null,
              after,
              7);
      List<EventRow> rows = store.search("c1", q);
      rows.forEach(r -> seen.add(r.event().objectName()));
      if (rows.size() < 7) {
        break;
      }
      after = new EventCursor(rows.getLast().event().lastSeen(), rows.getLast().id());
    }
    assertThat(seen).hasSize(30).doesNotHaveDuplicates().startsWith("pod-29", "pod-28");

    List<EventRow> exported = new ArrayList<>();
    store.export("c1", all(null, 1), 25, exported::add);
    assertThat(exported).hasSize(25);
    assertThat(exported.getFirst().event().objectName()).isEqualTo("pod-29");
  }

  @Test
  void aboutFindsTheEventsOfObjects() {
    store.upsert(
        "c1",
        List.of(
            event("1", "a", "Deployment", "web", "ScalingReplicaSet", 1, T0),
            event("2", "a", "ReplicaSet", "web-1", "SuccessfulCreate", 2, T0.plusSeconds(1)),
            event("3", "a", "Pod", "web-1-x", "Scheduled", 1, T0.plusSeconds(2)),
            event("4", "b", "Pod", "web-1-x", "Scheduled", 1, T0.plusSeconds(3)),
            event("5", "a", "Pod", "db", "Scheduled", 1, T0.plusSeconds(4))));
    List<InvolvedObject> objects =
        List.of(
            new InvolvedObject("Deployment", "a", "web"),
            new InvolvedObject("ReplicaSet", "a", "web-1"),
            new InvolvedObject("Pod", "a", "web-1-x"));
    assertThat(store.about("c1", objects, T0.minusSeconds(10), null, 100))
        .extracting(r -> r.event().objectKind() + "/" + r.event().objectName())
        .containsExactly("Pod/web-1-x", "ReplicaSet/web-1", "Deployment/web");
    assertThat(store.about("c1", objects, T0.minusSeconds(10), Set.of("b"), 100)).isEmpty();
    assertThat(store.about("c1", objects, T0.plusSeconds(1), null, 100)).hasSize(2);
  }

  @Test
  void retentionAndTheRowBoundArePurgedWithTheInjectedClock() {
    MutableClock clock = new MutableClock(T0);
    EventSettings settings =
        new EventSettings(
            true,
            Duration.ofDays(7),
            100,
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            1_000,
            1_000,
            Duration.ofDays(31),
            1000,
            100);
    EventCollector collector = new EventCollector(store, settings, clock);

    List<ObservedEvent> old = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      old.add(event("o" + i, "a", "Pod", "old-" + i, "Pulled", 1, T0.plusSeconds(i)));
    }
    store.upsert("c1", old);
    store.upsert(
        "c1", List.of(event("n", "a", "Pod", "new", "Pulled", 1, T0.plus(Duration.ofDays(3)))));

    clock.now = T0.plus(Duration.ofDays(6));
    assertThat(collector.purge("c1")).isEqualTo(new EventCollector.Purge(0, 0));
    clock.now = T0.plus(Duration.ofDays(7)).plusSeconds(5);
    assertThat(collector.purge("c1").expired()).isEqualTo(5); // old-0..old-4 last seen > 7 d ago
    assertThat(store.count("c1")).isEqualTo(6);
    clock.now = T0.plus(Duration.ofDays(10)).plusSeconds(1);
    assertThat(collector.purge("c1").expired()).isEqualTo(6);
    assertThat(store.count("c1")).isZero();

    // the row bound keeps the newest rows
    List<ObservedEvent> many = new ArrayList<>();
    for (int i = 0; i < 1_050; i++) {
      many.add(
          event("m" + i, "a", "Pod", "m-" + i, "Pulled", 1, clock.now.minusSeconds(2_000 - i)));
    }
    store.upsert("c1", many);
    assertThat(collector.purge("c1")).isEqualTo(new EventCollector.Purge(0, 50));
    assertThat(store.count("c1")).isEqualTo(1_000);
    assertThat(store.search("c1", all(null, 1_000)).getLast().event().objectName())
        .isEqualTo("m-50");
  }

  @Test
  void theCollectorWritesOnlyWhileLeadingAndReReadsTheCacheWhenItStarts() {
    MutableClock clock = new MutableClock(T0);
    EventSettings settings =
        new EventSettings(
            true,
            Duration.ofDays(7),
            2,
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            1_000,
            3,
            Duration.ofDays(31),
            1000,
            100);
    EventCollector collector = new EventCollector(store, settings, clock);
    Map<String, KubeObjectView> cache = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      cache.put("e" + i, view("e" + i, "pod-" + i, 1));
    }
    // not leading: nothing buffered, nothing written
    collector.observe("c1", view("e0", "pod-0", 2));
    assertThat(collector.flush("c1", false, cache::values)).isZero();
    assertThat(store.count("c1")).isZero();
    // starts leading: the whole cache, in batches of 2
    assertThat(collector.flush("c1", true, cache::values)).isEqualTo(5);
    // then only changes
    collector.observe("c1", view("e1", "pod-1", 3));
    collector.observe("c1", view("e1", "pod-1", 4));
    assertThat(collector.flush("c1", true, () -> List.of())).isEqualTo(1);
    assertThat(store.search("c1", all(null, 10)))
        .filteredOn(r -> r.event().objectName().equals("pod-1"))
        .singleElement()
        .satisfies(r -> assertThat(r.event().count()).isEqualTo(4));
    // more changes than max-buffered: the next flush re-reads the cache
    for (int i = 0; i < 5; i++) {
      collector.observe("c1", view("e" + i, "pod-" + i, 9));
      cache.put("e" + i, view("e" + i, "pod-" + i, 9));
    }
    assertThat(collector.flush("c1", true, cache::values)).isEqualTo(5);
    assertThat(store.search("c1", all(null, 10))).allMatch(r -> r.event().count() == 9);
  }

  static ObjectView view(String uid, String pod, int count) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reason", "BackOff");
    fields.put("message", "Back-off restarting failed container");
    fields.put("objectKind", "Pod");
    fields.put("objectName", pod);
    fields.put("objectNamespace", "a");
    fields.put("count", count);
    fields.put("firstSeen", T0.toString());
    fields.put("lastSeen", T0.plusSeconds(count).toString());
    return new ObjectView("a", pod + "." + uid, uid, "1", T0, Map.of(), null, "Warning", fields);
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
