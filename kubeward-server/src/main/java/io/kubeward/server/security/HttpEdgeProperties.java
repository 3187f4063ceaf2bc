package io.kubeward.server.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTP edge ({@code kubeward.security.*}), validated when bound.
 *
 * @param trustedProxies addresses or CIDR blocks of the TLS-terminating proxies whose {@code
 *     X-Forwarded-For} / {@code X-Forwarded-Proto} are believed (e.g. {@code 10.0.0.0/8}); unset:
 *     none, every request is taken as it came
 */
@ConfigurationProperties("kubeward.security")
public record HttpEdgeProperties(List<String> trustedProxies) {

  public HttpEdgeProperties {
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    TrustedProxies.of(trustedProxies);
  }

  public TrustedProxies proxies() {
    return TrustedProxies.of(trustedProxies);
  }
}
