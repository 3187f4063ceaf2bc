package io.kubeward.alert.app.engine;

import io.kubeward.common.RepeatedFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site leader (ADR 0031): the one replica that evaluates and notifies site-scoped alerts
 * (Kubeward cannot reach a cluster) and ages the alerting history out. It holds the {@link
 * SiteLease} {@value #LEASE} in Kubeward's database, renewing it every {@code siteLeaseRenew};
 * another replica takes it over once it ran out ({@code siteLeaseDuration}). A replica considers
 * itself leader only until one renew period before its lease runs out, so two replicas whose clocks
 * agree within that margin never both act.
 */
public final class SiteLeader {

  public static final String LEASE = "alerting-site";

  private static final Logger log = LoggerFactory.getLogger(SiteLeader.class);
  private static final String RENEWING = "Alerting: renewing the site lease";
  private final RepeatedFailures failures = new RepeatedFailures(log);

  private final SiteLease lease;
  private final String identity;
  private final AlertEngineSettings settings;
  private final Clock clock;
  private volatile Instant leadingUntil = Instant.MIN;
  private volatile boolean wasLeading;

  public SiteLeader(SiteLease lease, String identity, AlertEngineSettings settings, Clock clock) {
    this.lease = lease;
    this.identity = identity;
    this.settings = settings;
    this.clock = clock;
  }

  /** Takes or renews the lease (called every {@code siteLeaseRenew}); never throws. */
  public void renew() {
    Instant now = clock.instant();
    try {
      if (lease.acquire(LEASE, identity, now, settings.siteLeaseDuration())) {
        leadingUntil = now.plus(settings.siteLeaseDuration()).minus(settings.siteLeaseRenew());
      } else {
        leadingUntil = Instant.MIN;
      }
      failures.succeeded(RENEWING);
    } catch (RuntimeException e) {
      failures.failed(RENEWING, e);
    }
    boolean leading = leading();
    if (leading != wasLeading) {
      wasLeading = leading;
      log.info("Alerting: {} {} the site leader", identity, leading ? "is now" : "is no longer");
    }
  }

  public boolean leading() {
    return clock.instant().isBefore(leadingUntil);
  }

  public String identity() {
    return identity;
  }

  /** Gives the lease up (a clean stop), so another replica takes over at its next renewal. */
  public void release() {
    leadingUntil = Instant.MIN;
    try {
      lease.release(LEASE, identity);
    } catch (RuntimeException e) {
      log.debug("Alerting: releasing the site lease failed: {}", e.toString());
    }
  }

  /** Time left of this replica's leadership (zero when not leading), for tests and status. */
  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), leadingUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
