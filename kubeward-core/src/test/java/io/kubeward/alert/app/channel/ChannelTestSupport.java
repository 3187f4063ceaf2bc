package io.kubeward.alert.app.channel;

import io.kubeward.alert.app.AlertHistory;
import io.kubeward.alert.domain.HistoryEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fakes for channel tests: a store, the history, a clock moved by the sleeper. */
final class ChannelTestSupport {

  private ChannelTestSupport() {}

  static final class MemoryStore implements ChannelStore {
    final Map<String, Stored> channels = new ConcurrentHashMap<>();

    @Override
    public List<Stored> all() {
      return List.copyOf(new TreeMap<>(channels).values());
    }

    @Override
    public Optional<Stored> find(String name) {
      return Optional.ofNullable(channels.get(name));
    }

    @Override
    public boolean insert(Stored channel) {
      return channels.putIfAbsent(channel.settings().name(), channel) == null;
    }

    @Override
    public boolean update(Stored channel) {
      return channels.replace(channel.settings().name(), channel) != null;
    }

    @Override
    public boolean delete(String name) {
      return channels.remove(name) != null;
    }
  }

  static final class FakeHistory implements AlertHistory {
    final List<HistoryEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(HistoryEntry entry) {
      entries.add(entry);
    }

    List<String> results(String channel) {
      List<String> out = new ArrayList<>();
      for (HistoryEntry e : entries) {
        if (channel.equals(e.channel())) {
          out.add(e.result() + "#" + e.attempt());
        }
      }
      return out;
    }
  }

  /** A clock that only moves when the delivery "sleeps". */
  static final class SleepClock extends Clock implements ChannelDelivery.Sleeper {
    private volatile Instant now;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    SleepClock(Instant now) {
      this.now = now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
      sleeps.add(duration);
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
