package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election of one cluster on one Lease (fabric8's {@code LeaderElector}). fabric8's elector
 * ends after it loses the Lease (e.g. the cluster was unreachable longer than the renew deadline);
 * this one campaigns again after a retry period until closed, and never ends the process. Closing
 * releases the Lease so another replica takes over within a retry period.
 */
final class LeaderElection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private final String cluster;
  private final KubernetesClient client;
  private final String namespace;
  private final String leaseName;
  private final String identity;
  private final RuntimeSettings.Election timing;
  private final Runnable onStart;
  private final Runnable onStop;
  private volatile CompletableFuture<?> electing;
  private volatile boolean leading;
  private volatile String leader;
  private volatile boolean closed;

  LeaderElection(
      String cluster,
      KubernetesClient client,
      String namespace,
      String leaseName,
      String identity,
      RuntimeSettings.Election timing,
      Runnable onStart,
      Runnable onStop) {
    this.cluster = cluster;
    this.client = client;
    this.namespace = namespace;
    this.leaseName = leaseName;
    this.identity = identity;
    this.timing = timing;
    this.onStart = onStart;
    this.onStop = onStop;
  }

  synchronized void start() {
    if (closed || electing != null && !electing.isDone()) {
      return;
    }
    CompletableFuture<?> running =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(leaseName)
                    .withLock(new LeaseLock(namespace, leaseName, identity))
                    .withLeaseDuration(timing.leaseDuration())
                    .withRenewDeadline(timing.renewDeadline())
                    .withRetryPeriod(timing.retryPeriod())
                    .withReleaseOnCancel(true)
                    .withLeaderCallbacks(
                        new LeaderCallbacks(this::started, this::stopped, this::newLeader))
                    .build())
            .build()
            .start();
    electing = running;
    running.whenComplete(
        (result, failure) -> {
          if (!closed) {
            log.info("Cluster {}: leader election ended; campaigning again", cluster);
            CompletableFuture.delayedExecutor(
                    timing.retryPeriod().toMillis(), TimeUnit.MILLISECONDS)
                .execute(this::start);
          }
        });
  }

  boolean leading() {
    return leading;
  }

  /** The identity of the current leader as last seen, or null. */
  String leader() {
    return leader;
  }

  String identity() {
    return identity;
  }

  private void newLeader(String who) {
    leader = who;
    log.info("Cluster {}: controller leader is {}", cluster, who);
  }

  private void started() {
    log.info("Cluster {}: {} leads the controllers", cluster, identity);
    leading = true;
    onStart.run();
  }

  private void stopped() {
    if (!leading) {
      return;
    }
    log.info("Cluster {}: {} stops leading the controllers", cluster, identity);
    leading = false;
    onStop.run();
  }

  @Override
  public void close() {
    closed = true;
    CompletableFuture<?> e = electing;
    if (e != null) {
      e.cancel(true);
    }
    stopped();
  }
}
