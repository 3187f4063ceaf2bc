package io.kubeward.backup.app;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.backup.domain.BackupLocation;
import io.kubeward.backup.domain.StoredFile;
import io.kubeward.backup.domain.archive.ArchivePaths;
import io.kubeward.history.app.OutboundGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: the storage locations of backups and etcd snapshots (administrators only, ADR 0040).
 * {@link BackupLocation#LOCAL} always exists and cannot be changed; S3 locations are registered,
 * deleted and checked, each audited ({@code backup-location.create}, {@code .delete}, {@code
 * .check}). Credentials are write-only: never returned, never in an audit diff. An endpoint passes
 * the {@link OutboundGuard} when saved (a per-location {@code allowPrivateAddresses} lets an
 * administrator use a loopback or private endpoint).
 */
public final class ManageBackupLocations {

  /** The most S3 locations a site may register. */
  public static final int MAX_LOCATIONS = 100;

  /** The key prefix of the files {@link #check} writes and deletes again. */
  public static final String CHECK_PREFIX = "kubeward-check/";

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");

  /** A location as an administrator sends it. */
  public record Change(
      String name,
      @Nullable String type,
      @Nullable String endpoint,
      @Nullable String region,
      @Nullable String bucket,
      @Nullable String prefix,
      @Nullable Boolean pathStyle,
      @Nullable String accessKeyId,
      @Nullable String secretAccessKey,
      @Nullable Boolean allowPrivateAddresses) {

    @Override
    public String toString() {
      return "Change[name=" + name + ", endpoint=" + endpoint + ", bucket=" + bucket + "]";
    }
  }

  /** A location as the API shows it: never its credentials. */
  public record View(
      BackupLocation location,
      boolean builtIn,
      boolean allowPrivateAddresses,
      @Nullable String updatedBy,
      @Nullable Instant updatedAt) {}

  /** A successful check: the probe file was written, listed, read back and deleted. */
  public record CheckResult(String name, long latencyMillis) {}

  private final BackupLocationStore store;
  private final ArchiveStores stores;
  private final OutboundGuard guard;
  private final AuditedAction audited;
  private final Clock clock;

  public ManageBackupLocations(
      BackupLocationStore store,
      ArchiveStores stores,
      OutboundGuard guard,
      AuditedAction audited,
      Clock clock) {
    this.store = store;
    this.stores = stores;
    this.guard = guard;
    this.audited = audited;
    this.clock = clock;
  }

  public List<View> list(Caller caller) {
    Authorizer.requireAdmin(caller);
    List<View> views = new ArrayList<>();
    views.add(local());
    store.all().forEach(s -> views.add(view(s)));
    return views;
  }

  public View get(Caller caller, String name) {
    Authorizer.requireAdmin(caller);
    if (BackupLocation.LOCAL.equals(name)) {
      return local();
    }
    return store.all().stream()
        .filter(s -> s.location().name().equals(name))
        .findFirst()
        .map(ManageBackupLocations::view)
        .orElseThrow(() -> BackupLocationException.notFound(name));
  }

  public View create(Caller caller, Change change) {
    String name = change.name() == null ? "" : change.name();
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "backup-location.create",
        () -> {
          BackupLocationStore.Stored stored = validate(change, caller.username());
          if (BackupLocation.LOCAL.equals(name)
              || store.all().stream().anyMatch(s -> s.location().name().equals(name))) {
            throw BackupLocationException.exists(name);
          }
          if (store.all().size() >= MAX_LOCATIONS) {
            throw BackupLocationException.invalid(
                name, List.of("at most " + MAX_LOCATIONS + " locations"));
          }
          guard(stored);
          if (!store.insert(stored)) {
            throw BackupLocationException.exists(name);
          }
          return new AuditedAction.Outcome<>(view(stored), diff(stored));
        });
  }

  public void delete(Caller caller, String name) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "backup-location.delete",
        () -> {
          if (BackupLocation.LOCAL.equals(name)) {
            throw BackupLocationException.readOnly(name);
          }
          Optional<BackupLocationStore.Stored> before =
              store.all().stream().filter(s -> s.location().name().equals(name)).findFirst();
          if (before.isEmpty() || !store.delete(name)) {
            throw BackupLocationException.notFound(name);
          }
          return new AuditedAction.Outcome<>(null, "- " + diff(before.get()));
        });
  }

  /**
   * Writes a small file under {@value #CHECK_PREFIX}, stats, lists, reads it back and deletes it.
   *
   * @throws BackupLocationException 422 {@code backup.location-check-failed} with the cause
   */
  public CheckResult check(Caller caller, String name) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "backup-location.check",
        () -> {
          ArchiveStore archives = stores.store(name);
          Instant start = clock.instant();
          String key = CHECK_PREFIX + UUID.randomUUID() + ".txt";
          byte[] probe =
              ("Kubeward storage check " + start + "\n").getBytes(StandardCharsets.UTF_8);
          try {
            probe(archives, key, probe);
          } catch (IOException | RuntimeException e) {
            if (e instanceof BackupLocationException known
                && !known.code().equals(BackupLocationException.UNAVAILABLE)) {
              throw known;
            }
            try {
              archives.delete(key);
            } catch (IOException | RuntimeException ignored) {
              // the check failed already; its cause is what the administrator needs
            }
            throw BackupLocationException.checkFailed(name, cause(e));
          }
          long millis = Duration.between(start, clock.instant()).toMillis();
          return new AuditedAction.Outcome<>(
              new CheckResult(name, millis), "check passed in " + millis + " ms");
        });
  }

  private static void probe(ArchiveStore archives, String key, byte[] probe) throws IOException {
    try (ArchiveStore.Upload upload = archives.create(key)) {
      OutputStream out = upload.stream();
      out.write(probe);
    }
    Optional<StoredFile> stat = archives.stat(key);
    if (stat.isEmpty() || stat.get().size() != probe.length) {
      throw new IOException("the file written is not there, or not whole, afterwards");
    }
    if (archives.list(CHECK_PREFIX, 1000).stream().noneMatch(f -> f.key().equals(key))) {
      throw new IOException("the file written is not listed");
    }
    try (InputStream in =
        archives.open(key).orElseThrow(() -> new IOException("the file written cannot be read"))) {
      if (!java.util.Arrays.equals(in.readNBytes(probe.length + 1), probe)) {
        throw new IOException("the file read back differs from the file written");
      }
    }
    archives.delete(key);
    if (archives.stat(key).isPresent()) {
      throw new IOException("the file deleted is still there");
    }
  }

  /** The innermost message worth showing (an SDK wraps the server's answer). */
  static String cause(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank() && messages.stream().noneMatch(x -> x.contains(m))) {
        messages.add(m.length() > 300 ? m.substring(0, 300) + "…" : m);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return messages.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", messages);
  }

  private void guard(BackupLocationStore.Stored stored) {
    String endpoint = stored.location().endpoint();
    if (endpoint == null) {
      return;
    }
    guard
        .judge(URI.create(endpoint), stored.allowPrivateAddresses())
        .ifPresent(
            refusal -> {
              if (refusal.unresolved()) {
                throw BackupLocationException.invalid(
                    stored.location().name(), List.of(refusal.reason()));
              }
              throw BackupLocationException.addressRefused(
                  stored.location().name(),
                  refusal.host(),
                  refusal.reason() + "; an administrator may allow it with allowPrivateAddresses");
            });
  }

  /** The one validation of a location (REST, CLI, console). */
  BackupLocationStore.Stored validate(Change c, String by) {
    String name = c.name() == null ? "" : c.name();
    List<String> problems = new ArrayList<>();
    if (!NAME.matcher(name).matches()) {
      problems.add("name must be a DNS label (a-z, 0-9, -; at most 63 characters)");
    }
    String type = c.type() == null ? "s3" : c.type().toLowerCase(Locale.ROOT);
    if (!type.equals("s3")) {
      problems.add("type must be s3 (the local directory is built in)");
    }
    String endpoint = blankToNull(c.endpoint());
    if (endpoint != null) {
      try {
        URI uri = new URI(endpoint);
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
            || uri.getHost() == null
            || uri.getRawUserInfo() != null
            || uri.getRawQuery() != null
            || uri.getRawFragment() != null
            || (uri.getRawPath() != null
                && !uri.getRawPath().isEmpty()
                && !uri.getRawPath().equals("/"))
            || endpoint.length() > 512) {
          problems.add(
              "endpoint must be an http(s) URL with a host and no path, user, query or fragment");
        }
      } catch (URISyntaxException e) {
        problems.add("endpoint is not a URL: " + e.getReason());
      }
    }
    String region = blankToNull(c.region());
    if (region == null) {
      region = "us-east-1";
    }
    if (!REGION.matcher(region).matches()) {
      problems.add("region must be 1-32 characters of a-z, 0-9 and -");
    }
    String bucket = blankToNull(c.bucket());
    if (bucket == null || !BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      problems.add("bucket must be a bucket name (3-63 characters of a-z, 0-9, . and -)");
    }
    String prefix = c.prefix() == null ? "" : c.prefix().strip();
    if (prefix.startsWith("/")) {
      prefix = prefix.substring(1);
    }
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    if (!prefix.isEmpty()) {
      String unsafe = ArchivePaths.unsafe(prefix);
      if (unsafe != null || prefix.length() > 256) {
        problems.add(
            "prefix is not a valid key prefix: " + (unsafe == null ? "longer than 256" : unsafe));
      }
    }
    String accessKey = blankToNull(c.accessKeyId());
    String secretKey = blankToNull(c.secretAccessKey());
    if ((accessKey == null) != (secretKey == null)) {
      problems.add("accessKeyId and secretAccessKey go together");
    }
    if (accessKey != null && (accessKey.length() > 128 || secretKey.length() > 256)) {
      problems.add("accessKeyId has at most 128 characters, secretAccessKey at most 256");
    }
    if (!problems.isEmpty()) {
      throw BackupLocationException.invalid(name, problems);
    }
    boolean pathStyle = c.pathStyle() == null ? endpoint != null : c.pathStyle();
    BackupLocation location =
        new BackupLocation(
            name,
            BackupLocation.Type.S3,
            endpoint == null ? null : stripSlash(endpoint),
            region,
            bucket,
            prefix,
            pathStyle,
            accessKey != null);
    return new BackupLocationStore.Stored(
        location,
        c.allowPrivateAddresses() != null && c.allowPrivateAddresses(),
        accessKey == null ? null : new BackupLocationStore.Credentials(accessKey, secretKey),
        by,
        clock.instant());
  }

  private View local() {
    return new View(
        stores.locations().stream()
            .filter(l -> l.name().equals(BackupLocation.LOCAL))
            .findFirst()
            .orElse(
                new BackupLocation(
                    BackupLocation.LOCAL,
                    BackupLocation.Type.LOCAL,
                    null,
                    null,
                    null,
                    "",
                    false,
                    false)),
        true,
        false,
        null,
        null);
  }

  private static View view(BackupLocationStore.Stored s) {
    return new View(s.location(), false, s.allowPrivateAddresses(), s.updatedBy(), s.updatedAt());
  }

  private static String diff(BackupLocationStore.Stored s) {
    BackupLocation l = s.location();
    return "location "
        + l.name()
        + ": s3 endpoint="
        + (l.endpoint() == null ? "(AWS)" : l.endpoint())
        + " region="
        + l.region()
        + " bucket="
        + l.bucket()
        + " prefix="
        + l.prefix()
        + " pathStyle="
        + l.pathStyle()
        + " credentials="
        + (l.hasCredentials() ? "(set)" : "(none)")
        + " allowPrivateAddresses="
        + s.allowPrivateAddresses();
  }

  private static AuditedAction.Target target(String name) {
    return new AuditedAction.Target(Authorizer.KUBEWARD, null, "BackupLocation", name);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String stripSlash(String endpoint) {
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }
}
