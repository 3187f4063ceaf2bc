package io.kubeward.server.node;

import io.kubeward.node.health.domain.NodeHealthRules;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Node health detection ({@code kubeward.node-health.*}); a bad value stops the start.
 *
 * @param enabled whether Kubeward scans for node health problems at all
 * @param scanInterval time between two scans (node Leases are listed live once per scan and
 *     cluster), 1s to 1h; changes of cached nodes are looked at at once in between
 * @param heartbeatStaleAfter a node whose Lease was not renewed for longer is {@code
 *     HeartbeatStale}
 * @param flappingTransitions Ready transitions within {@code flappingWindow} that make a node
 *     {@code Flapping} (at least 2)
 * @param flappingWindow see {@code flappingTransitions}
 * @param evictions pod evictions on a node within {@code evictionWindow} that make {@code
 *     FrequentEvictions} (at least 1)
 * @param evictionWindow see {@code evictions}
 * @param cordonedTooLongAfter how long a node may stay cordoned before {@code CordonedTooLong}
 * @param history ended detections kept in memory per cluster (1 to 100000)
 */
@ConfigurationProperties("kubeward.node-health")
public record NodeHealthProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10s") Duration scanInterval,
    @DefaultValue("60s") Duration heartbeatStaleAfter,
    @DefaultValue("4") int flappingTransitions,
    @DefaultValue("10m") Duration flappingWindow,
    @DefaultValue("5") int evictions,
    @DefaultValue("10m") Duration evictionWindow,
    @DefaultValue("24h") Duration cordonedTooLongAfter,
    @DefaultValue("500") int history) {

  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofHours(1);

  public NodeHealthProperties {
    if (scanInterval == null
        || scanInterval.compareTo(MIN_INTERVAL) < 0
        || scanInterval.compareTo(MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException("scan-interval must be between 1s and 1h");
    }
    if (history < 1 || history > 100_000) {
      throw new IllegalArgumentException("history must be between 1 and 100000");
    }
    rules(
        heartbeatStaleAfter,
        flappingTransitions,
        flappingWindow,
        evictions,
        evictionWindow,
        cordonedTooLongAfter);
  }

  public NodeHealthRules rules() {
    return rules(
        heartbeatStaleAfter,
        flappingTransitions,
        flappingWindow,
        evictions,
        evictionWindow,
        cordonedTooLongAfter);
  }

  private static NodeHealthRules rules(
      Duration stale,
      int transitions,
      Duration flapWindow,
      int evictions,
      Duration evictionWindow,
      Duration cordoned) {
    return new NodeHealthRules(stale, transitions, flapWindow, evictions, evictionWindow, cordoned);
  }
}
