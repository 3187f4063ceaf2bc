package io.kubeward.server.release.traffic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The traffic routers of Releases ({@code kubeward.release.traffic.*}, ADR 0036); validated when
 * bound.
 *
 * @param presenceTtl how long a router's answer to "can you work on this cluster" (the Gateway API
 *     CRDs installed, an ingress-nginx IngressClass present) is reused before the cluster is asked
 *     again; 0 asks every time; at most 10 minutes
 */
@ConfigurationProperties("kubeward.release.traffic")
public record TrafficProperties(@DefaultValue("30s") Duration presenceTtl) {

  static final Duration MAX_PRESENCE_TTL = Duration.ofMinutes(10);

  public TrafficProperties {
    if (presenceTtl == null
        || presenceTtl.isNegative()
        || presenceTtl.compareTo(MAX_PRESENCE_TTL) > 0) {
      throw new IllegalArgumentException(
          "presence-ttl must be between 0 and 10m, is " + presenceTtl);
    }
  }
}
