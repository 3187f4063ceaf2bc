package io.kubeward.server.rightsizing;

import io.kubeward.rightsizing.app.RightsizingSettings;
import io.kubeward.rightsizing.domain.RightsizingPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Right-sizing ({@code kubeward.rightsizing.*}, ADR 0048); validated when bound, so a wrong value
 * stops the start with a message.
 *
 * @param window how far back usage is read (1h..32d)
 * @param cpuPercentile the CPU usage percentile a request covers (50..100)
 * @param memoryPercentile the memory usage percentile (50..100; 100: the peak)
 * @param cpuMargin headroom on the CPU percentile (0..1)
 * @param memoryMargin headroom on the memory percentile (0..1)
 * @param cpuFloor the smallest CPU request recommended (1m..1)
 * @param memoryFloor the smallest memory request recommended (1MB..1GB, binary units)
 * @param mediumSamples samples for a medium confidence
 * @param highSamples samples for a high confidence
 * @param mediumCoverage share of the window covered for a medium confidence
 * @param highCoverage share of the window covered for a high confidence
 * @param tolerance a request within this share of the recommendation is right-sized
 * @param idleCpu a container whose CPU percentile stays at or below this is idle
 * @param maxContainers the most containers one list computes (1..5000)
 */
@ConfigurationProperties("kubeward.rightsizing")
public record RightsizingProperties(
    @DefaultValue("7d") Duration window,
    @DefaultValue("90") double cpuPercentile,
    @DefaultValue("100") double memoryPercentile,
    @DefaultValue("0.15") double cpuMargin,
    @DefaultValue("0.15") double memoryMargin,
    @DefaultValue("10") long cpuFloor,
    @DefaultValue("32MB") DataSize memoryFloor,
    @DefaultValue("60") int mediumSamples,
    @DefaultValue("1000") int highSamples,
    @DefaultValue("0.25") double mediumCoverage,
    @DefaultValue("0.8") double highCoverage,
    @DefaultValue("0.1") double tolerance,
    @DefaultValue("5") long idleCpu,
    @DefaultValue("500") int maxContainers) {

  public RightsizingProperties {
    settings(
        window,
        cpuPercentile,
        memoryPercentile,
        cpuMargin,
        memoryMargin,
        cpuFloor,
        memoryFloor,
        mediumSamples,
        highSamples,
        mediumCoverage,
        highCoverage,
        tolerance,
        idleCpu,
        maxContainers);
  }

  RightsizingSettings settings() {
    return settings(
        window,
        cpuPercentile,
        memoryPercentile,
        cpuMargin,
        memoryMargin,
        cpuFloor,
        memoryFloor,
        mediumSamples,
        highSamples,
        mediumCoverage,
        highCoverage,
        tolerance,
        idleCpu,
        maxContainers);
  }

  private static RightsizingSettings settings(
      Duration window,
      double cpuPercentile,
      double memoryPercentile,
      double cpuMargin,
      double memoryMargin,
      long cpuFloor,
      DataSize memoryFloor,
      int mediumSamples,
      int highSamples,
      double mediumCoverage,
      double highCoverage,
      double tolerance,
      long idleCpu,
      int maxContainers) {
    return new RightsizingSettings(
        new RightsizingPolicy(
            window,
            cpuPercentile,
            memoryPercentile,
            cpuMargin,
            memoryMargin,
            cpuFloor,
            memoryFloor == null ? 0 : memoryFloor.toBytes(),
            mediumSamples,
            highSamples,
            mediumCoverage,
            highCoverage,
            tolerance,
            idleCpu),
        maxContainers);
  }
}
