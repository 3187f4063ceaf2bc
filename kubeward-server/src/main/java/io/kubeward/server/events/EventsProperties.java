package io.kubeward.server.events;

import io.kubeward.events.app.EventSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event store ({@code kubeward.events.*}, ADR 0026); validated when bound ({@link
 * EventSettings}), so a wrong value stops the start with a message.
 *
 * @param enabled collect events into the database (stored events stay searchable when off)
 * @param retention how long an event is kept after it was last seen (1h–400d)
 * @param batchSize events written per batch (1–5,000)
 * @param flushInterval how often the leader writes what changed in the cache (100ms–5m)
 * @param purgeInterval how often the leader deletes beyond retention and the row bound (1s–1d)
 * @param maxRowsPerCluster the safety bound of rows per cluster; the oldest beyond it are deleted
 * @param maxBuffered changes held per cluster between two flushes (beyond: the cache is re-read)
 * @param maxRange the longest time range of a search or an export (1h–400d)
 * @param maxExportRows rows an export writes at most
 * @param maxTimelineObjects objects a timeline gathers at most (the object, owners, owned, pods)
 */
@ConfigurationProperties("kubeward.events")
public record EventsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("500") int batchSize,
    @DefaultValue("5s") Duration flushInterval,
    @DefaultValue("10m") Duration purgeInterval,
    @DefaultValue("1000000") long maxRowsPerCluster,
    @DefaultValue("50000") int maxBuffered,
    @DefaultValue("31d") Duration maxRange,
    @DefaultValue("100000") int maxExportRows,
    @DefaultValue("500") int maxTimelineObjects) {

  public EventsProperties {
    settings(
        enabled,
        retention,
        batchSize,
        flushInterval,
        purgeInterval,
        maxRowsPerCluster,
        maxBuffered,
        maxRange,
        maxExportRows,
        maxTimelineObjects);
  }

  public EventSettings settings() {
    return settings(
        enabled,
        retention,
        batchSize,
        flushInterval,
        purgeInterval,
        maxRowsPerCluster,
        maxBuffered,
        maxRange,
        maxExportRows,
        maxTimelineObjects);
  }

  private static EventSettings settings(
      boolean enabled,
      Duration retention,
      int batchSize,
      Duration flushInterval,
      Duration purgeInterval,
      long maxRowsPerCluster,
      int maxBuffered,
      Duration maxRange,
      int maxExportRows,
      int maxTimelineObjects) {
    return new EventSettings(
        enabled,
        retention,
        batchSize,
        flushInterval,
        purgeInterval,
        maxRowsPerCluster,
        maxBuffered,
        maxRange,
        maxExportRows,
        maxTimelineObjects);
  }
}
