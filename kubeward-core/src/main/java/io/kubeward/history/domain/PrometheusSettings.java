package io.kubeward.history.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Kubeward reaches one cluster's Prometheus. Secrets ({@code bearerToken}, {@code password})
 * are stored encrypted and never returned; {@link #toString()} leaves them out.
 *
 * @param url the base URL (see {@link PrometheusUrl})
 * @param auth {@code none}, {@code bearer} or {@code basic}
 * @param username the basic-auth user
 * @param bearerToken the bearer token (write-only)
 * @param password the basic-auth password (write-only)
 * @param insecureSkipVerify accept any TLS certificate and host name (tests, never production)
 * @param caPem PEM certificates to trust instead of the JDK's (a private CA), or {@code null}
 * @param allowPrivateAddresses allow loopback, link-local, metadata, unspecified and multicast
 *     addresses (ADR 0021)
 * @param timeout how long one request may take
 */
public record PrometheusSettings(
    URI url,
    Auth auth,
    String username,
    String bearerToken,
    String password,
    boolean insecureSkipVerify,
    String caPem,
    boolean allowPrivateAddresses,
    Duration timeout) {

  /** How Kubeward authenticates to Prometheus. */
  public enum Auth {
    NONE,
    BEARER,
    BASIC
  }

  public static final int MAX_SECRET = 16 * 1024;
  public static final int MAX_CA_PEM = 64 * 1024;

  public PrometheusSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(timeout, "timeout");
    switch (auth) {
      case NONE -> {
        username = null;
        bearerToken = null;
        password = null;
      }
      case BEARER -> {
        requireSecret("bearerToken", bearerToken);
        username = null;
        password = null;
      }
      case BASIC -> {
        if (username == null
            || username.isBlank()
            || username.length() > 256
            || username.contains(":")
            || username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
          throw new IllegalArgumentException(
              "username is required for basic authentication (at most 256 printable characters, no"
                  + " ':')");
        }
        requireSecret("password", password);
        bearerToken = null;
      }
    }
    if (caPem != null && caPem.isBlank()) {
      caPem = null;
    }
    if (caPem != null
        && (caPem.length() > MAX_CA_PEM || !caPem.contains("-----BEGIN CERTIFICATE-----"))) {
      throw new IllegalArgumentException(
          "caPem must hold PEM certificates (-----BEGIN CERTIFICATE-----), at most 64 KiB");
    }
  }

  private static void requireSecret(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required for this authentication");
    }
    if (value.length() > MAX_SECRET || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(name + " must be at most 16 KiB of printable characters");
    }
  }

  @Override
  public String toString() {
    return "PrometheusSettings[url="
        + url
        + ", auth="
        + auth
        + ", username="
        + username
        + ", insecureSkipVerify="
        + insecureSkipVerify
        + ", caPem="
        + (caPem != null)
        + ", allowPrivateAddresses="
        + allowPrivateAddresses
        + ", timeout="
        + timeout
        + "]";
  }
}
