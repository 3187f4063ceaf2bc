package io.kubeward.history.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The base URL of a Prometheus server as an admin configures it: {@code http} or {@code https}, a
 * host, an optional port and path prefix ({@code https://prom.example/prometheus}); no user info
 * (credentials go in the auth settings, stored encrypted), no query, no fragment.
 */
public final class PrometheusUrl {

  public static final int MAX_LENGTH = 2048;

  private PrometheusUrl() {}

  /**
   * @return the URL, normalised (lowercase scheme and host, no trailing slash)
   * @throws IllegalArgumentException with a reason
   */
  public static URI parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is required");
    }
    if (url.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("url must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("url must start with http:// or https://");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "url must not hold credentials; use the bearer or basic authentication settings");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("url must name a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("url must not have a query or a fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    try {
      return new URI(
          scheme
              + "://"
              + host.toLowerCase(Locale.ROOT)
              + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
              + path);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a URL: " + e.getReason());
    }
  }

  /** The host of a parsed URL without IPv6 brackets. */
  public static String host(URI url) {
    String host = url.getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
