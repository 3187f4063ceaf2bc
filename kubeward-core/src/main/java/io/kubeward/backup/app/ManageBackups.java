package io.kubeward.backup.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.IdentityStamp;
import io.kubeward.access.domain.KubeIdentity;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.domain.ArchiveInfo;
import io.kubeward.backup.domain.ArchiveRef;
import io.kubeward.backup.domain.BackupObject;
import io.kubeward.backup.domain.BackupScheduleObject;
import io.kubeward.backup.domain.BackupScheduleSpec;
import io.kubeward.backup.domain.BackupSpec;
import io.kubeward.backup.domain.BackupValidation;
import io.kubeward.backup.domain.archive.ArchiveReader;
import io.kubeward.backup.domain.archive.Verification;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.runtime.app.ObjectWatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Use cases of Backups and BackupSchedules (ADR 0041), one application layer for the REST API,
 * console and CLI. Everything goes to the cluster with the caller's identity, every change is
 * audited, and a spec is validated by the one {@link BackupValidation} before it is written. A
 * created object is stamped ({@link IdentityStamp}) with the caller's identity: the controllers act
 * for that identity only, so nobody backs up with Kubeward's rights.
 */
public final class ManageBackups {

  static final String BACKUP = "Backup";
  static final String SCHEDULE = "BackupSchedule";

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final ClusterReads reads;
  private final Authorizer authorizer;
  private final AuditedAction audited;
  private final BackupObjects<BackupObject> backups;
  private final BackupObjects<BackupScheduleObject> schedules;
  private final ActingAs identity;
  private final ArchiveStores stores;
  private final BooleanSupplier sealing;
  private final Clock clock;

  /**
   * @param sealing whether an archive key is configured (Secrets can be taken)
   */
  public ManageBackups(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      BackupObjects<BackupObject> backups,
      BackupObjects<BackupScheduleObject> schedules,
      ActingAs identity,
      ArchiveStores stores,
      BooleanSupplier sealing,
      Clock clock) {
    this.reads = reads;
    this.authorizer = authorizer;
    this.audited = audited;
    this.backups = backups;
    this.schedules = schedules;
    this.identity = identity;
    this.stores = stores;
    this.sealing = sealing;
    this.clock = clock;
  }

  /** The answer of {@link #verify}. */
  public record BackupVerification(
      boolean ok, List<String> problems, @Nullable String sha256, long size, int objects) {}

  /** An archive being downloaded: close the stream. */
  public record ArchiveDownload(String fileName, long size, InputStream stream) {}

  // ------------------------------------------------------------------ Backups

  public List<BackupView> list(Caller caller, String cluster, @Nullable String namespace) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return backups.list(caller, cluster, namespace).stream()
        .map(this::view)
        .sorted(
            Comparator.comparing(BackupView::namespace)
                .thenComparing(
                    BackupView::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(BackupView::name))
        .toList();
  }

  public BackupView get(Caller caller, String cluster, String namespace, String name) {
    return view(backup(caller, cluster, namespace, name));
  }

  private BackupObject backup(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return backups
        .get(caller, cluster, namespace, name)
        .orElseThrow(() -> new BackupNotFoundException(BACKUP, cluster, namespace, name));
  }

  /** Creates a Backup acting for the caller; audited as {@code backup.create}. */
  public BackupView create(
      Caller caller, String cluster, String namespace, @Nullable String name, BackupSpec spec) {
    reads.known(cluster);
    String n =
        name == null || name.isBlank() ? "backup-" + GENERATED.format(clock.instant()) : name;
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, BACKUP, n),
        "backup.create",
        () -> {
          validate(n, spec, "");
          KubeIdentity who = Authorizer.identity(caller);
          String stamp = identity.stamp(BACKUP, namespace, n, spec, who);
          BackupObject created =
              backups.create(
                  caller,
                  cluster,
                  namespace,
                  n,
                  spec,
                  null,
                  Map.of(IdentityStamp.ANNOTATION, stamp));
          return AuditedAction.Outcome.of(view(created));
        });
  }

  public void delete(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, BACKUP, name),
        "backup.delete",
        () -> {
          backups.delete(caller, cluster, namespace, name);
          return AuditedAction.Outcome.of(null);
        });
  }

  /**
   * Reads the whole archive and checks every entry's SHA-256, the manifest and the archive's own
   * SHA-256 against the one recorded; audited as {@code backup.verify}.
   */
  public BackupVerification verify(Caller caller, String cluster, String namespace, String name) {
    return audited.run(
        caller,
        Verb.READ,
        new AuditedAction.Target(cluster, namespace, BACKUP, name),
        "backup.verify",
        () -> {
          BackupObject b = backup(caller, cluster, namespace, name);
          ArchiveInfo archive = archiveOf(b);
          try (InputStream in = open(archive, b)) {
            Verification v = ArchiveReader.verify(in, archive.sha256());
            return AuditedAction.Outcome.of(
                new BackupVerification(
                    v.ok(),
                    v.problems(),
                    v.sha256(),
                    v.size(),
                    v.manifest() == null ? 0 : v.manifest().objectCount()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * The archive, for its creator (the identity it acted for) or an administrator: it holds what
   * that identity could read. Audited as {@code backup.download}.
   */
  public ArchiveDownload download(Caller caller, String cluster, String namespace, String name) {
    return audited.run(
        caller,
        Verb.READ,
        new AuditedAction.Target(cluster, namespace, BACKUP, name),
        "backup.download",
        () -> {
          BackupObject b = backup(caller, cluster, namespace, name);
          ArchiveInfo archive = archiveOf(b);
          String actingFor = actingFor(b);
          if (!Authorizer.isAdmin(caller)
              && !Authorizer.identity(caller).user().equals(actingFor)) {
            throw new BackupDownloadForbiddenException(caller.username(), namespace, name);
          }
          try {
            return AuditedAction.Outcome.of(
                new ArchiveDownload(
                    cluster + "-" + namespace + "-" + name + ".zip",
                    archive.size(),
                    open(archive, b)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The Backup now and on every change; close the handle to stop. */
  public AutoCloseable watch(
      Caller caller,
      String cluster,
      String namespace,
      String name,
      ObjectWatcher<BackupView> listener) {
    backup(caller, cluster, namespace, name);
    return backups.watch(
        caller,
        cluster,
        namespace,
        name,
        new ObjectWatcher<>() {
          @Override
          public void changed(BackupObject b) {
            listener.changed(view(b));
          }

          @Override
          public void deleted() {
            listener.deleted();
          }
        });
  }

  private static ArchiveInfo archiveOf(BackupObject b) {
    ArchiveInfo archive = b.status().archive();
    if (archive == null) {
      throw new BackupStateException(b.namespace(), b.name(), b.status().phaseOrNew().name());
    }
    return archive;
  }

  private InputStream open(ArchiveInfo archive, BackupObject b) throws IOException {
    return stores
        .store(archive.location())
        .open(archive.key())
        .orElseThrow(
            () ->
                new BackupStateException(
                    b.namespace(), b.name(), b.status().phaseOrNew().name() + ", archive missing"));
  }

  // ------------------------------------------------------------------ schedules

  public List<BackupScheduleView> listSchedules(
      Caller caller, String cluster, @Nullable String namespace) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return schedules.list(caller, cluster, namespace).stream()
        .map(this::view)
        .sorted(
            Comparator.comparing(BackupScheduleView::namespace)
                .thenComparing(BackupScheduleView::name))
        .toList();
  }

  public BackupScheduleView getSchedule(
      Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    authorizer.require(caller, Verb.READ, cluster, namespace);
    return schedules
        .get(caller, cluster, namespace, name)
        .map(this::view)
        .orElseThrow(() -> new BackupNotFoundException(SCHEDULE, cluster, namespace, name));
  }

  /** Creates a BackupSchedule acting for the caller; audited as {@code backup.schedule.create}. */
  public BackupScheduleView createSchedule(
      Caller caller, String cluster, String namespace, String name, BackupScheduleSpec spec) {
    reads.known(cluster);
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, SCHEDULE, name),
        "backup.schedule.create",
        () -> {
          List<String> problems = new ArrayList<>();
          if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name: must be a DNS label (lowercase letters, digits, -)");
          }
          problems.addAll(BackupValidation.validateSchedule(name == null ? "" : name, spec));
          if (spec != null) {
            problems.addAll(locationAndSecrets(spec.templateOrDefault(), "template."));
          }
          if (!problems.isEmpty()) {
            throw new InvalidBackupException(problems);
          }
          KubeIdentity who = Authorizer.identity(caller);
          String stamp = identity.stamp(SCHEDULE, namespace, name, spec, who);
          BackupScheduleObject created =
              schedules.create(
                  caller,
                  cluster,
                  namespace,
                  name,
                  spec,
                  null,
                  Map.of(IdentityStamp.ANNOTATION, stamp));
          return AuditedAction.Outcome.of(view(created));
        });
  }

  public void deleteSchedule(Caller caller, String cluster, String namespace, String name) {
    reads.known(cluster);
    audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, SCHEDULE, name),
        "backup.schedule.delete",
        () -> {
          schedules.delete(caller, cluster, namespace, name);
          return AuditedAction.Outcome.of(null);
        });
  }

  // ------------------------------------------------------------------ shared

  private void validate(String name, @Nullable BackupSpec spec, String prefix) {
    List<String> problems = new ArrayList<>();
    if (!NAME.matcher(name).matches()) {
      problems.add("name: must be a DNS label (lowercase letters, digits, -)");
    }
    problems.addAll(BackupValidation.validate(spec));
    if (spec != null) {
      problems.addAll(locationAndSecrets(spec, prefix));
    }
    if (!problems.isEmpty()) {
      throw new InvalidBackupException(problems);
    }
  }

  private List<String> locationAndSecrets(BackupSpec spec, String prefix) {
    List<String> problems = new ArrayList<>();
    String location = spec.locationOrDefault();
    if (stores.locations().stream().noneMatch(l -> l.name().equals(location))) {
      problems.add(prefix + "location: no storage location \"" + location + "\"");
    }
    if (spec.scope().takesSecrets() && !sealing.getAsBoolean()) {
      problems.add(
          prefix
              + "scope.includeSecrets: no archive key is configured (kubeward.backups.encryption),"
              + " and Secrets are never archived in plaintext");
    }
    return problems;
  }

  private @Nullable String actingFor(BackupObject b) {
    return identity
        .verify(BACKUP, b.namespace(), b.name(), b.rawSpec(), b.annotations())
        .map(KubeIdentity::user)
        .orElse(null);
  }

  private BackupView view(BackupObject b) {
    return BackupView.of(b, actingFor(b));
  }

  private BackupScheduleView view(BackupScheduleObject s) {
    return BackupScheduleView.of(
        s,
        identity
            .verify(SCHEDULE, s.namespace(), s.name(), s.rawSpec(), s.annotations())
            .map(KubeIdentity::user)
            .orElse(null));
  }

  /** The archive's key prefix of a Backup (for tests and tools). */
  public static ArchiveRef archiveRef(String location, String cluster, String ns, String name) {
    return new ArchiveRef(location, cluster, ns, name);
  }
}
