package io.kubeward.history.app;

import io.kubeward.history.domain.AddressPolicy;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.PrometheusUrl;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SSRF guard of Prometheus requests (ADR 0021): resolves the URL's host and refuses it if any
 * of its addresses is one {@link AddressPolicy} refuses, unless the settings allow private
 * addresses. Runs when an admin saves the settings and again before every request (addresses
 * change). A host written as a numeric IPv4 literal in another form ({@code 2130706433}, {@code
 * 0177.0.0.1}, {@code 0x7f.1}) is judged by the address the C library would read too.
 */
public final class OutboundGuard {

  /** Port: the host's addresses (DNS, {@code /etc/hosts}); fails if it has none. */
  @FunctionalInterface
  public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
  }

  private final HostResolver resolver;

  public OutboundGuard(HostResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * @throws PrometheusException {@code prometheus.address-refused} for a refused address, {@code
   *     prometheus.unavailable} if the host does not resolve
   */
  public void check(String cluster, PrometheusSettings settings) {
    check(cluster, settings, false);
  }

  /**
   * As {@link #check(String, PrometheusSettings)}; when {@code saving}, a host that does not
   * resolve is invalid settings (400) rather than an unavailable Prometheus (503).
   */
  public void check(String cluster, PrometheusSettings settings, boolean saving) {
    judge(settings.url(), settings.allowPrivateAddresses())
        .ifPresent(
            refusal -> {
              if (refusal.unresolved()) {
                throw saving
                    ? PrometheusException.invalidSettings(cluster, refusal.reason())
                    : PrometheusException.unavailable(cluster, refusal.reason());
              }
              throw PrometheusException.addressRefused(
                  cluster,
                  refusal.host(),
                  refusal.reason() + "; an administrator may allow it with allowPrivateAddresses");
            });
  }

  /**
   * Why a request to {@code url} must not be made, if it must not: its host does not resolve
   * ({@code unresolved}), or one of its addresses is one {@link AddressPolicy} refuses. The one
   * check of every outbound URL an administrator configures (Prometheus, the log archive).
   */
  public Optional<Refusal> judge(URI url, boolean allowPrivateAddresses) {
    if (allowPrivateAddresses) {
      return Optional.empty();
    }
    String host = PrometheusUrl.host(url);
    List<InetAddress> addresses = new ArrayList<>();
    Optional<InetAddress> numeric = AddressPolicy.numericIpv4(host);
    if (numeric.isPresent()) {
      // the JDK connects to this address or refuses the literal: no name to resolve
      addresses.add(numeric.get());
    } else {
      try {
        addresses.addAll(resolver.resolve(host));
      } catch (UnknownHostException e) {
        return Optional.of(new Refusal(host, true, "the host " + host + " does not resolve"));
      }
    }
    return AddressPolicy.firstRefused(addresses)
        .map(refusal -> new Refusal(host, false, refusal.describe()));
  }

  /** Why an outbound request is refused; {@code unresolved} when the host has no address. */
  public record Refusal(String host, boolean unresolved, String reason) {}
}
