package io.kubeward.etcd.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.app.ArchiveStores;
import io.kubeward.backup.domain.BackupLocation;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.etcd.domain.CertificateInfo;
import io.kubeward.etcd.domain.EtcdConnection;
import io.kubeward.etcd.domain.EtcdConnectionValidator;
import io.kubeward.etcd.domain.EtcdException;
import io.kubeward.etcd.domain.EtcdRules;
import io.kubeward.etcd.domain.EtcdTls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: a cluster's etcd connection (administrators only; set and unset audited as {@code
 * etcd.configure} and {@code etcd.unconfigure}). The CA, the client certificate and the key are
 * write-only: an answer shows fingerprints, subjects and expiry, never the PEM. A change that
 * leaves a PEM field out ({@code null}) keeps the stored one.
 */
public final class ManageEtcdConnections {

  /** A connection as an administrator sends it; {@code null} fields keep the stored value. */
  public record Change(
      @Nullable List<String> endpoints,
      @Nullable String caPem,
      @Nullable String certPem,
      @Nullable String keyPem,
      @Nullable String location,
      @Nullable Integer retain) {

    @Override
    public String toString() {
      return "Change[endpoints="
          + endpoints
          + ", location="
          + location
          + ", retain="
          + retain
          + "]";
    }
  }

  /** A connection as the API shows it. */
  public record View(
      String cluster,
      List<String> endpoints,
      String location,
      int retain,
      CertificateInfo clientCertificate,
      List<CertificateInfo> ca,
      boolean keySet,
      String updatedBy,
      Instant updatedAt) {}

  private final ClusterRegistry clusters;
  private final EtcdConnectionStore store;
  private final ArchiveStores locations;
  private final EtcdRules rules;
  private final int defaultRetain;
  private final AuditedAction audited;
  private final Clock clock;

  public ManageEtcdConnections(
      ClusterRegistry clusters,
      EtcdConnectionStore store,
      ArchiveStores locations,
      EtcdRules rules,
      int defaultRetain,
      AuditedAction audited,
      Clock clock) {
    this.clusters = clusters;
    this.store = store;
    this.locations = locations;
    this.rules = rules;
    this.defaultRetain = defaultRetain;
    this.audited = audited;
    this.clock = clock;
  }

  public View get(Caller caller, String cluster) {
    Authorizer.requireAdmin(caller);
    requireCluster(cluster);
    EtcdConnectionStore.Stored stored =
        store.find(cluster).orElseThrow(() -> EtcdException.notConfigured(cluster));
    return view(stored, parsed(cluster, stored.connection()));
  }

  public View set(Caller caller, String cluster, Change change) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(cluster),
        "etcd.configure",
        () -> {
          requireCluster(cluster);
          EtcdConnection before = storedOrNone(cluster);
          EtcdConnection after = merge(cluster, change, before);
          Set<String> names =
              locations.locations().stream()
                  .map(BackupLocation::name)
                  .collect(Collectors.toUnmodifiableSet());
          EtcdTls tls = EtcdConnectionValidator.validate(cluster, after, rules, names);
          EtcdConnectionStore.Stored stored =
              new EtcdConnectionStore.Stored(cluster, after, caller.username(), clock.instant());
          store.save(stored);
          return new AuditedAction.Outcome<>(view(stored, tls), diff(before, after));
        });
  }

  public void unset(Caller caller, String cluster) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(cluster),
        "etcd.unconfigure",
        () -> {
          requireCluster(cluster);
          if (!store.delete(cluster)) {
            throw EtcdException.notConfigured(cluster);
          }
          return new AuditedAction.Outcome<>(null, "- etcd connection\n");
        });
  }

  /**
   * The stored connection; none when there is none, or when its key no longer decrypts (then the
   * change must carry every field again, which replaces it).
   */
  private @Nullable EtcdConnection storedOrNone(String cluster) {
    try {
      return store.find(cluster).map(EtcdConnectionStore.Stored::connection).orElse(null);
    } catch (EtcdException e) {
      if (e.code().equals(EtcdException.UNREADABLE)) {
        return null;
      }
      throw e;
    }
  }

  /** The connection and its parsed TLS material, for the snapshot use cases. */
  EtcdConnectionStore.Stored require(String cluster) {
    requireCluster(cluster);
    return store.find(cluster).orElseThrow(() -> EtcdException.notConfigured(cluster));
  }

  List<String> configuredClusters() {
    return store.clusters();
  }

  static EtcdTls parsed(String cluster, EtcdConnection connection) {
    try {
      return EtcdTls.parse(connection.caPem(), connection.certPem(), connection.keyPem());
    } catch (EtcdTls.InvalidPemException e) {
      throw EtcdException.invalid(cluster, List.of(e.getMessage()));
    }
  }

  private void requireCluster(String cluster) {
    if (clusters.find(cluster).isEmpty()) {
      throw new ClusterNotFoundException(cluster);
    }
  }

  private EtcdConnection merge(String cluster, Change change, @Nullable EtcdConnection before) {
    List<String> problems = new ArrayList<>();
    List<URI> endpoints = new ArrayList<>();
    List<String> given =
        change.endpoints() != null
            ? change.endpoints()
            : before == null ? List.of() : before.endpoints().stream().map(URI::toString).toList();
    if (given.size() > 64) {
      throw EtcdException.invalid(cluster, List.of("endpoints: at most " + rules.maxEndpoints()));
    }
    for (String endpoint : given) {
      try {
        endpoints.add(new URI(Objects.requireNonNullElse(endpoint, "").strip()));
      } catch (URISyntaxException e) {
        problems.add("endpoints: " + endpoint + " is not a URL");
      }
    }
    if (!problems.isEmpty()) {
      throw EtcdException.invalid(cluster, problems);
    }
    return new EtcdConnection(
        endpoints,
        pick(change.caPem(), before == null ? null : before.caPem()),
        pick(change.certPem(), before == null ? null : before.certPem()),
        pick(change.keyPem(), before == null ? null : before.keyPem()),
        change.location() != null
            ? change.location().strip()
            : before == null ? BackupLocation.LOCAL : before.location(),
        change.retain() != null
            ? change.retain()
            : before == null ? defaultRetain : before.retain());
  }

  private static String pick(@Nullable String given, @Nullable String stored) {
    if (given != null) {
      return given;
    }
    return stored == null ? "" : stored;
  }

  private static View view(EtcdConnectionStore.Stored stored, EtcdTls tls) {
    EtcdConnection c = stored.connection();
    return new View(
        stored.cluster(),
        c.endpoints().stream().map(URI::toString).toList(),
        c.location(),
        c.retain(),
        tls.clientInfo(),
        tls.caInfo(),
        !c.keyPem().isBlank(),
        stored.updatedBy(),
        stored.updatedAt());
  }

  /** What changed, naming the secret fields but never showing them. */
  static String diff(@Nullable EtcdConnection before, EtcdConnection after) {
    StringBuilder diff = new StringBuilder();
    line(diff, "endpoints", before == null ? null : before.endpointList(), after.endpointList());
    line(diff, "location", before == null ? null : before.location(), after.location());
    line(
        diff,
        "retain",
        before == null ? null : String.valueOf(before.retain()),
        String.valueOf(after.retain()));
    secret(diff, "ca", before == null ? null : before.caPem(), after.caPem());
    secret(diff, "cert", before == null ? null : before.certPem(), after.certPem());
    secret(diff, "key", before == null ? null : before.keyPem(), after.keyPem());
    return diff.toString();
  }

  private static void line(StringBuilder diff, String name, @Nullable String was, String is) {
    if (!is.equals(was)) {
      if (was != null) {
        diff.append("- ").append(name).append(": ").append(was).append('\n');
      }
      diff.append("+ ").append(name).append(": ").append(is).append('\n');
    }
  }

  private static void secret(StringBuilder diff, String name, @Nullable String was, String is) {
    if (!is.equals(was)) {
      diff.append("~ ").append(name).append(": ").append(was == null ? "set" : "replaced");
      diff.append('\n');
    }
  }

  private static AuditedAction.Target target(String cluster) {
    return new AuditedAction.Target(cluster, null, "EtcdConnection", cluster);
  }
}
