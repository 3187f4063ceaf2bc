package io.kubeward.history.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.history.domain.MetricFamily;
import io.kubeward.history.domain.PrometheusSettings;
import io.kubeward.history.domain.PrometheusUrl;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use cases: a cluster's Prometheus settings (administrators only). Saving and removing are audited
 * in the cluster ({@code prometheus.configure}, {@code prometheus.remove}) with a diff of the
 * settings that never shows a secret; the check is a read (not audited). Secrets are write-only: a
 * save without a new secret keeps the stored one when the authentication kind is unchanged.
 */
public final class ManagePrometheus {

  private static final Logger log = LoggerFactory.getLogger(ManagePrometheus.class);

  /** The settings an admin sends; secrets {@code null} to keep the stored ones. */
  public record Change(
      String url,
      String auth,
      String username,
      String bearerToken,
      String password,
      Boolean insecureSkipVerify,
      String caPem,
      Boolean allowPrivateAddresses,
      Duration timeout) {

    @Override
    public String toString() {
      return "Change[url=" + url + ", auth=" + auth + "]";
    }
  }

  /** The settings as the API shows them: never a secret, only whether one is stored. */
  public record View(
      String cluster,
      String url,
      String auth,
      String username,
      boolean secretStored,
      boolean insecureSkipVerify,
      String caPem,
      boolean allowPrivateAddresses,
      Duration timeout,
      String updatedBy,
      java.time.Instant updatedAt) {

    static View of(PrometheusConfigStore.Stored stored) {
      PrometheusSettings s = stored.settings();
      return new View(
          stored.cluster(),
          s.url().toString(),
          s.auth().name().toLowerCase(java.util.Locale.ROOT),
          s.username(),
          s.bearerToken() != null || s.password() != null,
          s.insecureSkipVerify(),
          s.caPem(),
          s.allowPrivateAddresses(),
          s.timeout(),
          stored.updatedBy(),
          stored.updatedAt());
    }
  }

  /** What a check found. */
  public record Check(
      boolean reachable,
      String version,
      List<String> families,
      List<String> missingFamilies,
      String error,
      String errorCode) {}

  private final ClusterReads reads;
  private final PrometheusConfigStore store;
  private final PrometheusApi api;
  private final OutboundGuard guard;
  private final PrometheusHistory history;
  private final AuditedAction audited;
  private final PromLimits limits;
  private final Clock clock;

  public ManagePrometheus(
      ClusterReads reads,
      PrometheusConfigStore store,
      PrometheusApi api,
      OutboundGuard guard,
      PrometheusHistory history,
      AuditedAction audited,
      PromLimits limits,
      Clock clock) {
    this.reads = reads;
    this.store = store;
    this.api = api;
    this.guard = guard;
    this.history = history;
    this.audited = audited;
    this.limits = limits;
    this.clock = clock;
  }

  public Optional<View> get(Caller caller, String cluster) {
    Authorizer.requireAdmin(caller);
    reads.known(cluster);
    return store.find(cluster).map(View::of);
  }

  public View put(Caller caller, String cluster, Change change) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(cluster, null, "Prometheus", "prometheus"),
        "prometheus.configure",
        () -> {
          reads.known(cluster);
          Optional<PrometheusConfigStore.Stored> before = store.find(cluster);
          PrometheusSettings settings = settings(cluster, change, before.orElse(null));
          guard.check(cluster, settings, true);
          PrometheusConfigStore.Stored stored =
              new PrometheusConfigStore.Stored(
                  cluster, settings, caller.username(), clock.instant());
          store.save(stored);
          history.forget(cluster);
          log.info(
              "Cluster {}: Prometheus {} configured by {}",
              cluster,
              settings.url(),
              caller.username());
          return new AuditedAction.Outcome<>(
              View.of(stored), diff(before.map(PrometheusConfigStore.Stored::settings), settings));
        });
  }

  public void delete(Caller caller, String cluster) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(cluster, null, "Prometheus", "prometheus"),
        "prometheus.remove",
        () -> {
          reads.known(cluster);
          Optional<PrometheusConfigStore.Stored> before = store.find(cluster);
          if (before.isEmpty() || !store.delete(cluster)) {
            throw PrometheusException.notConfigured(cluster);
          }
          history.forget(cluster);
          return new AuditedAction.Outcome<>(
              null, diff(before.map(PrometheusConfigStore.Stored::settings), null));
        });
  }

  /** Reachability, version and metric families of the stored settings. */
  public Check check(Caller caller, String cluster) {
    Authorizer.requireAdmin(caller);
    reads.known(cluster);
    PrometheusSettings settings =
        store
            .find(cluster)
            .orElseThrow(() -> PrometheusException.notConfigured(cluster))
            .settings();
    try {
      guard.check(cluster, settings);
      String version = api.version(cluster, settings);
      history.forget(cluster);
      Set<MetricFamily> present = history.families(cluster, settings);
      List<String> found = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (MetricFamily f : EnumSet.allOf(MetricFamily.class)) {
        (present.contains(f) ? found : missing).add(f.wireName());
      }
      return new Check(true, version, found, missing, null, null);
    } catch (PrometheusException e) {
      return new Check(false, null, List.of(), List.of(), e.getMessage(), e.code());
    }
  }

  PrometheusSettings settings(String cluster, Change change, PrometheusConfigStore.Stored before) {
    try {
      URI url = PrometheusUrl.parse(change.url());
      PrometheusSettings.Auth auth = auth(change.auth());
      PrometheusSettings old = before == null ? null : before.settings();
      boolean sameAuth = old != null && old.auth() == auth;
      String token =
          change.bearerToken() != null || !sameAuth ? change.bearerToken() : old.bearerToken();
      String password = change.password() != null || !sameAuth ? change.password() : old.password();
      Duration timeout = change.timeout() == null ? Duration.ofSeconds(10) : change.timeout();
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0
          || timeout.compareTo(limits.maxTimeout()) > 0) {
        throw new IllegalArgumentException(
            "timeout must be between 1s and " + limits.maxTimeout().toSeconds() + "s");
      }
      return new PrometheusSettings(
          url,
          auth,
          change.username() == null ? null : change.username().strip(),
          token,
          password,
          Boolean.TRUE.equals(change.insecureSkipVerify()),
          change.caPem(),
          Boolean.TRUE.equals(change.allowPrivateAddresses()),
          timeout);
    } catch (IllegalArgumentException e) {
      throw PrometheusException.invalidSettings(cluster, e.getMessage());
    }
  }

  private static PrometheusSettings.Auth auth(String auth) {
    if (auth == null || auth.isBlank()) {
      return PrometheusSettings.Auth.NONE;
    }
    return switch (auth.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "none" -> PrometheusSettings.Auth.NONE;
      case "bearer" -> PrometheusSettings.Auth.BEARER;
      case "basic" -> PrometheusSettings.Auth.BASIC;
      default -> throw new IllegalArgumentException("auth must be none, bearer or basic");
    };
  }

  /** A diff of the settings; a secret appears only as set, new or removed, never its value. */
  static String diff(Optional<PrometheusSettings> before, PrometheusSettings after) {
    PrometheusSettings old = before.orElse(null);
    List<String> a = lines(old, null);
    List<String> b = lines(after, old);
    StringBuilder out = new StringBuilder("--- before\n+++ after\n");
    for (String line : a) {
      if (!b.contains(line)) {
        out.append('-').append(line).append('\n');
      }
    }
    for (String line : b) {
      if (!a.contains(line)) {
        out.append('+').append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> lines(PrometheusSettings s, PrometheusSettings previous) {
    if (s == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("url: " + s.url());
    lines.add("auth: " + s.auth().name().toLowerCase(java.util.Locale.ROOT));
    if (s.username() != null) {
      lines.add("username: " + s.username());
    }
    if (s.bearerToken() != null) {
      lines.add(
          "bearerToken: "
              + secret(
                  s.bearerToken(),
                  previous == null ? null : previous.bearerToken(),
                  previous != null));
    }
    if (s.password() != null) {
      lines.add(
          "password: "
              + secret(
                  s.password(), previous == null ? null : previous.password(), previous != null));
    }
    lines.add("insecureSkipVerify: " + s.insecureSkipVerify());
    lines.add(
        "caPem: "
            + (s.caPem() == null
                ? "none"
                : secret(s.caPem(), previous == null ? null : previous.caPem(), previous != null)));
    lines.add("allowPrivateAddresses: " + s.allowPrivateAddresses());
    lines.add("timeout: " + s.timeout());
    return lines;
  }

  private static String secret(String value, String previous, boolean compare) {
    return !compare || value.equals(previous) ? "(set)" : "(set, new)";
  }
}
