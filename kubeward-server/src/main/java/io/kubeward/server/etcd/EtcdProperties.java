package io.kubeward.server.etcd;

import io.kubeward.etcd.domain.EtcdRules;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.util.unit.DataSize;

/**
 * etcd snapshots ({@code kubeward.etcd.*}, ADR 0043); validated when bound, so a wrong value stops
 * the start with a message.
 *
 * @param allowedHosts the hosts an etcd endpoint may name; empty: any host (administrators only
 *     configure connections)
 * @param maxEndpoints endpoints per connection (1–16)
 * @param maxPemSize size of one PEM field (CA, certificate, key) at most (1 KiB – 1 MiB)
 * @param defaultRetain snapshots kept per cluster when the connection does not say (1–1000)
 * @param maxRetain the largest retention an administrator may set (1–1000)
 * @param connectTimeout TCP + TLS connect timeout towards etcd (1 s – 5 min)
 * @param snapshotTimeout how long one snapshot may stream at most (1 min – 24 h)
 * @param maxSnapshotSize the largest snapshot accepted (1 MB – 64 GB; etcd's own quota is at most 8
 *     GiB by default): a longer stream is cut off and nothing is stored
 * @param schedule a Spring cron expression (six fields, UTC) at which every configured cluster's
 *     etcd is snapshotted; empty: no schedule
 */
@ConfigurationProperties("kubeward.etcd")
public record EtcdProperties(
    @DefaultValue List<String> allowedHosts,
    @DefaultValue("5") int maxEndpoints,
    @DefaultValue("64KB") DataSize maxPemSize,
    @DefaultValue("10") int defaultRetain,
    @DefaultValue("100") int maxRetain,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("30m") Duration snapshotTimeout,
    @DefaultValue("16GB") DataSize maxSnapshotSize,
    @Nullable String schedule) {

  public EtcdProperties {
    rules(allowedHosts, maxEndpoints, maxPemSize, maxRetain);
    if (defaultRetain < 1 || defaultRetain > maxRetain) {
      throw new IllegalArgumentException(
          "kubeward.etcd.default-retain must be 1–" + maxRetain + ", was " + defaultRetain);
    }
    within("connect-timeout", connectTimeout, Duration.ofSeconds(1), Duration.ofMinutes(5));
    within("snapshot-timeout", snapshotTimeout, Duration.ofMinutes(1), Duration.ofHours(24));
    if (maxSnapshotSize.toMegabytes() < 1 || maxSnapshotSize.toGigabytes() > 64) {
      throw new IllegalArgumentException(
          "kubeward.etcd.max-snapshot-size must be 1MB–64GB, was " + maxSnapshotSize);
    }
    if (schedule != null && !schedule.isBlank() && !CronExpression.isValidExpression(schedule)) {
      throw new IllegalArgumentException(
          "kubeward.etcd.schedule is not a cron expression (six fields: second minute hour day"
              + " month weekday): "
              + schedule);
    }
  }

  public EtcdRules rules() {
    return rules(allowedHosts, maxEndpoints, maxPemSize, maxRetain);
  }

  private static EtcdRules rules(
      List<String> allowedHosts, int maxEndpoints, DataSize maxPemSize, int maxRetain) {
    long bytes = maxPemSize.toBytes();
    return new EtcdRules(
        allowedHosts, maxEndpoints, (int) Math.min(bytes, Integer.MAX_VALUE), maxRetain);
  }

  private static void within(String name, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "kubeward.etcd." + name + " must be " + min + "–" + max + ", was " + value);
    }
  }
}
