package io.kubeward.logarchive.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.history.app.OutboundGuard;
import io.kubeward.logarchive.domain.LogArchiveSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Use case: an administrator configures, reads and removes a cluster's log archive (ADR 0028),
 * audited; the secret is stored encrypted and never returned, and a change without a secret keeps
 * the stored one. The URL passes the same outbound guard as Prometheus' (ADR 0021).
 */
public final class ManageLogArchive {

  /** What an administrator sees: the settings without the secret. */
  public record View(
      String url,
      String indexPattern,
      LogArchiveSettings.Auth auth,
      @Nullable String username,
      boolean secretSet,
      boolean insecureSkipVerify,
      boolean caPemSet,
      boolean allowPrivateAddresses,
      long timeoutMillis,
      LogArchiveSettings.Fields fields,
      String updatedBy,
      Instant updatedAt) {
    static View of(LogArchiveConfigStore.Stored stored) {
      LogArchiveSettings s = stored.settings();
      return new View(
          s.url().toString(),
          s.indexPattern(),
          s.auth(),
          s.username(),
          s.secret() != null,
          s.insecureSkipVerify(),
          s.caPem() != null,
          s.allowPrivateAddresses(),
          s.timeout().toMillis(),
          s.fields(),
          stored.updatedBy(),
          stored.updatedAt());
    }
  }

  private final ClusterReads reads;
  private final LogArchiveConfigStore store;
  private final AuditedAction audited;
  private final OutboundGuard guard;
  private final Clock clock;

  public ManageLogArchive(
      ClusterReads reads,
      LogArchiveConfigStore store,
      AuditedAction audited,
      OutboundGuard guard,
      Clock clock) {
    this.reads = reads;
    this.store = store;
    this.audited = audited;
    this.guard = guard;
    this.clock = clock;
  }

  public Optional<View> get(Caller caller, String cluster) {
    Authorizer.requireAdmin(caller);
    reads.known(cluster);
    return store.find(cluster).map(View::of);
  }

  /**
   * @param settings the new settings; a {@code null} secret keeps the stored one (same auth)
   */
  public View put(Caller caller, String cluster, SettingsChange settings) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(cluster, null, "LogArchive", "log-archive"),
        "log-archive.configure",
        () -> {
          reads.known(cluster);
          Optional<LogArchiveConfigStore.Stored> before = store.find(cluster);
          LogArchiveSettings made;
          try {
            made = settings.make(before.map(LogArchiveConfigStore.Stored::settings).orElse(null));
          } catch (IllegalArgumentException e) {
            throw LogArchiveException.invalid(cluster, e.getMessage());
          }
          guard
              .judge(made.url(), made.allowPrivateAddresses())
              .ifPresent(
                  refusal -> {
                    throw refusal.unresolved()
                        ? LogArchiveException.invalid(cluster, refusal.reason())
                        : LogArchiveException.addressRefused(
                            cluster,
                            refusal.host(),
                            refusal.reason()
                                + "; an administrator may allow it with allowPrivateAddresses");
                  });
          LogArchiveConfigStore.Stored stored =
              new LogArchiveConfigStore.Stored(cluster, made, caller.username(), clock.instant());
          store.save(stored);
          return new AuditedAction.Outcome<>(
              View.of(stored),
              before.map(b -> b.settings().toString()).orElse("none") + " -> " + made);
        });
  }

  public void delete(Caller caller, String cluster) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(cluster, null, "LogArchive", "log-archive"),
        "log-archive.remove",
        () -> {
          reads.known(cluster);
          if (!store.delete(cluster)) {
            throw LogArchiveException.notConfigured(cluster);
          }
          return new AuditedAction.Outcome<>(null, "removed");
        });
  }

  /** Settings as an administrator sends them; {@link #make} validates them. */
  public interface SettingsChange {
    LogArchiveSettings make(@Nullable LogArchiveSettings before);
  }
}
