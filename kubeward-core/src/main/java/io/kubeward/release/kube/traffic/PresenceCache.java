package io.kubeward.release.kube.traffic;

import io.kubeward.diagnostics.domain.Bilingual;
import io.kubeward.release.domain.RouterPresence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A router's presence per cluster, asked of the cluster at most once per {@code ttl} (presence is
 * checked by every Release pass and by the routers report). The reason is kept in both languages.
 */
final class PresenceCache {

  /** One answer: the port's record (English reason) and the reason in both languages. */
  record Verdict(RouterPresence presence, Bilingual reason) {
    static Verdict present(String type) {
      return new Verdict(new RouterPresence(type, true, ""), Bilingual.of("", ""));
    }

    static Verdict absent(String type, Bilingual reason) {
      return new Verdict(new RouterPresence(type, false, reason.en()), reason);
    }
  }

  private record Entry(Verdict verdict, Instant at) {}

  private final Clock clock;
  private final Duration ttl;
  private final Function<String, Verdict> probe;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  PresenceCache(Clock clock, Duration ttl, Function<String, Verdict> probe) {
    this.clock = clock;
    this.ttl = ttl;
    this.probe = probe;
  }

  Verdict get(String cluster) {
    Instant now = clock.instant();
    Entry entry = entries.get(cluster);
    if (entry == null || !now.isBefore(entry.at().plus(ttl))) {
      entry = new Entry(probe.apply(cluster), now);
      entries.put(cluster, entry);
    }
    return entry.verdict();
  }

  /** The reason in both languages of an answer this cache gave (else the English text twice). */
  Bilingual reasonOf(RouterPresence presence) {
    if (presence.present()) {
      return Bilingual.of("", "");
    }
    return entries.values().stream()
        .map(Entry::verdict)
        .filter(v -> v.presence().equals(presence))
        .findFirst()
        .map(Verdict::reason)
        .orElse(Bilingual.of(presence.reason(), presence.reason()));
  }
}
