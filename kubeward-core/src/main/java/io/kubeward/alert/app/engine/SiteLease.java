package io.kubeward.alert.app.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A lease in Kubeward's database (ADR 0031): the site leader holds it for site-scoped work (alerts
 * about reaching clusters, the history's retention), since no cluster can elect a leader about its
 * own unreachability. Every replica shares the database already, so it needs no new component.
 */
public interface SiteLease {

  /** The current holder and until when it holds the lease, as last written. */
  record Holder(String identity, Instant until) {}

  /**
   * Takes or renews lease {@code name} for {@code identity} until {@code now + duration}: succeeds
   * if nobody holds it, {@code identity} holds it or the holder's time ran out before {@code now}.
   */
  boolean acquire(String name, String identity, Instant now, Duration duration);

  /**
   * Gives the lease up if {@code identity} holds it (a clean stop: the next replica takes over).
   */
  void release(String name, String identity);

  Optional<Holder> holder(String name);
}
