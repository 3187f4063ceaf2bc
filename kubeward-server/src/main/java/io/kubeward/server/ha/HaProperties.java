package io.kubeward.server.ha;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Running several replicas as one ({@code kubeward.ha.*}, ADR 0053); a bad value stops the start.
 * There is no switch: one replica is the one-replica case of the same code.
 *
 * @param replicaId this replica's name in leases (controllers, site leader) and in the controllers
 *     view: 1 to 100 letters, digits, '.', '_' or '-'; default the host name and a random suffix
 *     (unique even for two replicas on one host)
 * @param clusterSyncInterval how often this replica connects the clusters added through another and
 *     closes those removed through another, 1s to 10m (a request for a cluster this replica does
 *     not hold yet looks it up at once)
 */
@ConfigurationProperties("kubeward.ha")
public record HaProperties(String replicaId, @DefaultValue("5s") Duration clusterSyncInterval) {

  static final Pattern REPLICA_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  public HaProperties {
    if (replicaId == null || replicaId.isBlank()) {
      replicaId = defaultReplicaId();
    } else if (!REPLICA_ID.matcher(replicaId.strip()).matches()) {
      throw new IllegalArgumentException(
          "replica-id must be 1 to 100 letters, digits, '.', '_' or '-'");
    } else {
      replicaId = replicaId.strip();
    }
    if (clusterSyncInterval == null
        || clusterSyncInterval.compareTo(Duration.ofSeconds(1)) < 0
        || clusterSyncInterval.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("cluster-sync-interval must be between 1s and 10m");
    }
  }

  static String defaultReplicaId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "kubeward";
    }
    String safe = host.replaceAll("[^A-Za-z0-9._-]", "-");
    if (safe.length() > 90) {
      safe = safe.substring(0, 90);
    }
    return safe + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
