package io.kubeward.logarchive.domain;

import io.kubeward.history.domain.PrometheusUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How Kubeward reaches one cluster's log archive (Elasticsearch or OpenSearch fed by fluentd or
 * fluent-bit, ADR 0028). The secret ({@code password}, {@code token} or API key) is stored
 * encrypted and never returned; {@link #toString()} leaves it out.
 *
 * @param url the base URL ({@code https://es.example:9200}, checked like Prometheus' URL)
 * @param indexPattern the indices searched ({@code logstash-*}, {@code fluent-bit-*,k8s-*})
 * @param auth how Kubeward authenticates
 * @param username the basic-auth user
 * @param secret the password, bearer token or API key (write-only)
 * @param insecureSkipVerify accept any TLS certificate (tests, never production)
 * @param caPem PEM certificates to trust instead of the JDK's, or {@code null}
 * @param allowPrivateAddresses allow loopback, link-local, metadata, ... addresses (ADR 0021)
 * @param timeout how long one search may take
 * @param fields the document fields of the log shipper
 */
public record LogArchiveSettings(
    URI url,
    String indexPattern,
    Auth auth,
    @Nullable String username,
    @Nullable String secret,
    boolean insecureSkipVerify,
    @Nullable String caPem,
    boolean allowPrivateAddresses,
    Duration timeout,
    Fields fields) {

  /** How Kubeward authenticates to the archive. */
  public enum Auth {
    NONE,
    BASIC,
    BEARER,
    /** Elasticsearch's {@code Authorization: ApiKey <base64 id:key>}. */
    API_KEY
  }

  /**
   * The document fields, as fluentd's and fluent-bit's Kubernetes filters write them by default.
   *
   * @param keywordSuffix appended to the namespace/pod/container fields for exact and prefix
   *     filters ({@code .keyword} with dynamic mappings, empty where they are keywords already)
   */
  public record Fields(
      String timestamp,
      String namespace,
      String pod,
      String container,
      String message,
      String keywordSuffix) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9_.@-]{0,127}");

    public static final Fields FLUENT =
        new Fields(
            "@timestamp",
            "kubernetes.namespace_name",
            "kubernetes.pod_name",
            "kubernetes.container_name",
            "log",
            ".keyword");

    public Fields {
      for (String field : new String[] {timestamp, namespace, pod, container, message}) {
        if (field == null || !FIELD.matcher(field).matches()) {
          throw new IllegalArgumentException(
              "field names are 1 to 128 letters, digits and _ . @ -: " + field);
        }
      }
      keywordSuffix = keywordSuffix == null ? "" : keywordSuffix;
      if (!keywordSuffix.isEmpty() && !keywordSuffix.matches("\\.[A-Za-z0-9_]{1,32}")) {
        throw new IllegalArgumentException("keywordSuffix is empty or like .keyword");
      }
    }
  }

  public static final int MAX_SECRET = 16 * 1024;
  public static final int MAX_CA_PEM = 64 * 1024;
  private static final Pattern INDEX = Pattern.compile("[a-z0-9*_.+-][a-z0-9*_.+,-]{0,254}");
  public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  public LogArchiveSettings {
    Objects.requireNonNull(url, "url");
    url = PrometheusUrl.parse(url.toString());
    if (indexPattern == null
        || !INDEX.matcher(indexPattern).matches()
        || indexPattern.startsWith("-")) {
      throw new IllegalArgumentException(
          "indexPattern is 1 to 255 lowercase letters, digits, * _ . + - and commas (logstash-*)");
    }
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(fields, "fields");
    if (timeout == null
        || timeout.isNegative()
        || timeout.isZero()
        || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout is between 1 ms and 60 s");
    }
    if (auth == Auth.NONE) {
      username = null;
      secret = null;
    } else {
      if (secret == null
          || secret.isEmpty()
          || secret.length() > MAX_SECRET
          || secret.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw new IllegalArgumentException(
            "the secret is required for this authentication (at most 16 KiB, printable)");
      }
      if (auth == Auth.BASIC) {
        if (username == null
            || username.isBlank()
            || username.length() > 256
            || username.contains(":")
            || username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
          throw new IllegalArgumentException(
              "username is required for basic authentication (at most 256 printable characters,"
                  + " no ':')");
        }
      } else {
        username = null;
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

  /** The same settings with another secret (a change that keeps the stored one). */
  public LogArchiveSettings withSecret(@Nullable String other) {
    return new LogArchiveSettings(
        url,
        indexPattern,
        auth,
        username,
        other,
        insecureSkipVerify,
        caPem,
        allowPrivateAddresses,
        timeout,
        fields);
  }

  @Override
  public String toString() {
    return "LogArchiveSettings[url="
        + url
        + ", indexPattern="
        + indexPattern
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
        + ", fields="
        + fields
        + "]";
  }
}
