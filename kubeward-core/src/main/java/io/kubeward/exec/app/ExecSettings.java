package io.kubeward.exec.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import java.time.Clock;
import java.time.Instant;

/**
 * Use cases: a cluster's exec switch. Everyone signed in may read it (the console shows or hides
 * the terminal with it); only Kubeward's administrators change it, audited as {@code
 * exec.configure} with a diff.
 */
public final class ExecSettings {

  /** The switch as the API shows it. */
  public record View(String cluster, boolean enabled, String updatedBy, Instant updatedAt) {}

  private final ClusterReads reads;
  private final ExecSettingsStore store;
  private final AuditedAction audited;
  private final Clock clock;

  public ExecSettings(
      ClusterReads reads, ExecSettingsStore store, AuditedAction audited, Clock clock) {
    this.reads = reads;
    this.store = store;
    this.audited = audited;
    this.clock = clock;
  }

  public View get(Caller caller, String cluster) {
    reads.known(cluster);
    if (!reads.sees(caller, cluster)) {
      Authorizer.requireAdmin(caller);
    }
    return store
        .find(cluster)
        .map(s -> new View(cluster, s.enabled(), s.updatedBy(), s.updatedAt()))
        .orElse(new View(cluster, true, null, null));
  }

  /** Whether exec and port-forward are enabled on {@code cluster} (enabled without a row). */
  public boolean enabled(String cluster) {
    return store.find(cluster).map(ExecSettingsStore.Stored::enabled).orElse(true);
  }

  public View set(Caller caller, String cluster, boolean enabled) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        new AuditedAction.Target(cluster, null, "ExecSettings", "exec"),
        "exec.configure",
        () -> {
          reads.known(cluster);
          boolean before = enabled(cluster);
          ExecSettingsStore.Stored stored =
              new ExecSettingsStore.Stored(cluster, enabled, caller.username(), clock.instant());
          store.save(stored);
          String diff =
              "--- before\n+++ after\n"
                  + (before == enabled
                      ? ""
                      : "-enabled: " + before + "\n+enabled: " + enabled + "\n");
          return new AuditedAction.Outcome<>(
              new View(cluster, enabled, stored.updatedBy(), stored.updatedAt()), diff);
        });
  }
}
