package io.kubeward.posture.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.NamespaceVisibility;
import io.kubeward.access.domain.Verb;
import io.kubeward.alert.app.rule.ApiserverCertificates;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.CachedKind;
import io.kubeward.cluster.domain.KubeObjectView;
import io.kubeward.common.KubewardException;
import io.kubeward.posture.domain.Check;
import io.kubeward.posture.domain.ClusterChecks;
import io.kubeward.posture.domain.Inventory;
import io.kubeward.posture.domain.PodTemplateChecks;
import io.kubeward.posture.domain.PostureReport;
import io.kubeward.posture.domain.PostureReports;
import io.kubeward.posture.domain.ReportFilter;
import io.kubeward.posture.domain.Result;
import io.kubeward.posture.domain.Scan;
import io.kubeward.posture.domain.Subject;
import io.kubeward.posture.domain.Workload;
import io.kubeward.rbac.app.RbacReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Use case: scan a cluster's security posture as the caller and report it (ADR 0050). Pod
 * templates, Services, namespaces and NetworkPolicies are read live with the caller's identity
 * ({@link PostureReader}), RBAC through the shared {@link RbacReader}, the apiserver's certificate
 * through the alerting module's {@link ApiserverCertificates}. A caller's last scan of a cluster is
 * kept for {@code cacheFor}; a rescan replaces it. Exceptions apply when the report is built, so
 * they count without a rescan and stop counting when they expire.
 */
public final class ScanPosture {

  private static final Set<CachedKind> KINDS = EnumSet.of(CachedKind.NAMESPACES, CachedKind.PODS);
  private static final int MAX_EXCEPTIONS = 10_000;

  private record Key(String cluster, String username) {}

  private final ClusterReads reads;
  private final PostureReader reader;
  private final Supplier<RbacReader> rbac;
  private final ApiserverCertificates apiserverCertificates;
  private final OwnCertificate ownCertificate;
  private final ExceptionStore exceptions;
  private final PostureSettings settings;
  private final Clock clock;
  private final Map<Key, Scan> last = new ConcurrentHashMap<>();

  public ScanPosture(
      ClusterReads reads,
      PostureReader reader,
      Supplier<RbacReader> rbac,
      ApiserverCertificates apiserverCertificates,
      OwnCertificate ownCertificate,
      ExceptionStore exceptions,
      PostureSettings settings,
      Clock clock) {
    this.reads = reads;
    this.reader = reader;
    this.rbac = rbac;
    this.apiserverCertificates = apiserverCertificates;
    this.ownCertificate = ownCertificate;
    this.exceptions = exceptions;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The caller's report of a cluster: the last scan while it is fresh, else (or with {@code
   * rescan}) a new one.
   *
   * @throws AccessDeniedException if the caller may read no namespace of the cluster
   */
  public PostureReport report(Caller caller, String cluster, boolean rescan, ReportFilter filter) {
    ManagedCluster managed = reads.ready(cluster, KINDS);
    NamespaceVisibility visible = reads.visible(caller, managed, CachedKind.PODS);
    if (visible.isEmpty()) {
      throw new AccessDeniedException(caller.username(), Verb.READ, managed.name(), null);
    }
    Key key = new Key(managed.name(), caller.username());
    Instant now = clock.instant();
    Scan scan = last.get(key);
    if (rescan
        || scan == null
        || Duration.between(scan.scannedAt(), now).compareTo(settings.cacheFor()) >= 0) {
      scan = scan(caller, managed, visible);
      last.put(key, scan);
    }
    return PostureReports.build(
        scan, exceptions.list(managed.name(), MAX_EXCEPTIONS), clock.instant(), visible, filter);
  }

  private Scan scan(Caller caller, ManagedCluster cluster, NamespaceVisibility visible) {
    Instant started = clock.instant();
    List<String> namespaces = new ArrayList<>();
    for (KubeObjectView ns : cluster.views(CachedKind.NAMESPACES).all()) {
      if (visible.includes(ns.name())) {
        namespaces.add(ns.name());
      }
    }
    Inventory inventory =
        reader.read(
            caller,
            cluster.name(),
            visible,
            namespaces,
            settings.pageSize(),
            settings.maxObjects(),
            started.plus(settings.scanTimeout()));
    List<Result> results = new ArrayList<>();
    List<Scan.Note> notes = new ArrayList<>();
    for (Workload w : inventory.workloads()) {
      results.addAll(PodTemplateChecks.evaluate(w));
    }
    for (Inventory.ServiceInfo s : inventory.services()) {
      results.add(ClusterChecks.service(s));
    }
    inventory
        .namespaceLabels()
        .forEach(
            (name, labels) ->
                results.addAll(
                    ClusterChecks.namespace(
                        name, labels, inventory.namespacesWithNetworkPolicy().contains(name))));
    if (inventory.truncated()) {
      notes.add(new Scan.Note("truncated", settings.maxObjects() + " / " + settings.scanTimeout()));
    }
    for (String refused : inventory.unreadable()) {
      notes.add(new Scan.Note("unreadable", refused));
    }
    rbacResults(caller, cluster.name(), results, notes);
    certificateResults(cluster.name(), results, notes);
    return new Scan(cluster.name(), caller.username(), started, results, notes);
  }

  private void rbacResults(
      Caller caller, String cluster, List<Result> results, List<Scan.Note> notes) {
    try {
      results.addAll(ClusterChecks.rbac(rbac.get().read(caller, cluster).riskyBindings(false)));
    } catch (KubewardException e) {
      notes.add(new Scan.Note("rbac-unreadable", e.getMessage()));
    }
  }

  private void certificateResults(String cluster, List<Result> results, List<Scan.Note> notes) {
    Instant now = clock.instant();
    try {
      results.add(
          ClusterChecks.certificate(
              Check.APISERVER_CERTIFICATE,
              Subject.cluster(cluster),
              apiserverCertificates.notAfter(cluster),
              now,
              settings.certificateWarning()));
    } catch (RuntimeException e) {
      notes.add(new Scan.Note("apiserver-certificate-unreadable", e.getMessage()));
    }
    try {
      Optional<Instant> own = ownCertificate.notAfter();
      if (own.isEmpty()) {
        notes.add(new Scan.Note("kubeward-plain-http", ""));
      } else {
        results.add(
            ClusterChecks.certificate(
                Check.KUBEWARD_CERTIFICATE,
                new Subject("Kubeward", null, "kubeward"),
                own.get(),
                now,
                settings.certificateWarning()));
      }
    } catch (RuntimeException e) {
      notes.add(new Scan.Note("kubeward-certificate-unreadable", e.getMessage()));
    }
  }
}
