package io.kubeward.resource.app;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterNotFoundException;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.common.RedactionMarks;
import io.kubeward.resource.domain.KindInfo;
import io.kubeward.resource.domain.ObjectCleaner;
import io.kubeward.resource.domain.UnifiedDiff;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Use cases on any object, CRDs included: discovery, get (YAML/JSON, secrets redacted unless
 * revealed), preview (server-side apply dry run with a diff), apply and delete. Each checks the
 * caller's role before anything is sent to the cluster; every mutation and every reveal is audited;
 * nothing is changed by a failed request.
 */
public final class ObjectAccess {

  public static final String FIELD_MANAGER = "kubeward";

  private final ClusterRegistry clusters;
  private final Authorizer authorizer;
  private final ObjectGateway gateway;
  private final ObjectCodec codec;
  private final AuditedAction audited;
  private final RedactionMarks marks = new RedactionMarks();

  public ObjectAccess(
      ClusterRegistry clusters,
      Authorizer authorizer,
      ObjectGateway gateway,
      ObjectCodec codec,
      AuditedAction audited) {
    this.clusters = clusters;
    this.authorizer = authorizer;
    this.gateway = gateway;
    this.codec = codec;
    this.audited = audited;
  }

  /** Which object: as named in a URL. */
  public record ObjectName(String apiVersion, String kind, String namespace, String name) {}

  public enum Format {
    YAML,
    JSON
  }

  /** A dry-run result. {@code before} is {@code null} when the object would be created. */
  public record Preview(boolean changed, String diff, @Nullable String before, String after) {}

  /** The kinds the cluster serves (discovery), for anyone who sees the cluster. */
  public List<KindInfo> kinds(Caller caller, String cluster) {
    requireCluster(cluster);
    if (!authorizer.seesCluster(caller, cluster)) {
      throw new AccessDeniedException(caller.username(), Verb.READ, cluster, null);
    }
    return gateway.kinds(cluster);
  }

  /** The live object as text; a Secret's values are redacted unless {@code reveal}. */
  public String get(
      Caller caller, String cluster, ObjectName which, Format format, boolean reveal) {
    requireCluster(cluster);
    KindInfo kind = resolve(cluster, which.apiVersion(), which.kind());
    String namespace = namespaceOf(kind, which.namespace());
    requireName(which.name());
    if (kind.isSecret() && reveal) {
      return audited.run(
          caller,
          Verb.READ_SECRET,
          new AuditedAction.Target(cluster, namespace, kind.kind(), which.name()),
          "secret.reveal",
          () ->
              AuditedAction.Outcome.of(
                  format(fetch(caller, cluster, kind, namespace, which.name()), format)));
    }
    authorizer.require(caller, Verb.READ, cluster, namespace);
    Map<String, Object> object = fetch(caller, cluster, kind, namespace, which.name());
    return format(kind.isSecret() ? ObjectCleaner.redactSecret(object) : object, format);
  }

  /** Server-side apply as a dry run: what would change. Needs MUTATE; not audited (no change). */
  public Preview preview(Caller caller, String cluster, String body, boolean force) {
    requireCluster(cluster);
    Body parsed = body(body);
    authorizer.require(caller, Verb.MUTATE, cluster, parsed.namespace());
    Target target = target(cluster, parsed);
    authorizer.require(caller, Verb.MUTATE, cluster, target.namespace());
    Map<String, Object> before =
        gateway.get(caller, cluster, target.kind(), target.namespace(), target.name()).orElse(null);
    Map<String, Object> after =
        gateway.apply(caller, cluster, target.kind(), target.object(), true, force);
    return compare(target, before, after);
  }

  /** Server-side apply: the applied object (as YAML), audited as {@code apply} with the diff. */
  public String apply(Caller caller, String cluster, String body, boolean force) {
    requireCluster(cluster);
    Body parsed;
    try {
      parsed = body(body);
    } catch (ResourceException malformed) {
      // The target is unknown, so no role can be checked; the attempt is still audited.
      return audited.runOwn(
          caller,
          new AuditedAction.Target(cluster, null, null, null),
          "apply",
          () -> {
            throw malformed;
          });
    }
    Target target;
    try {
      target = target(cluster, parsed);
    } catch (ResourceException e) {
      return audited.run(
          caller,
          Verb.MUTATE,
          new AuditedAction.Target(cluster, parsed.namespace(), parsed.kind(), parsed.name()),
          "apply",
          () -> {
            throw e;
          });
    }
    return audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, target.namespace(), target.kind().kind(), target.name()),
        "apply",
        () -> {
          Map<String, Object> before =
              gateway
                  .get(caller, cluster, target.kind(), target.namespace(), target.name())
                  .orElse(null);
          Map<String, Object> after =
              gateway.apply(caller, cluster, target.kind(), target.object(), false, force);
          Preview change = compare(target, before, after);
          Map<String, Object> shown = ObjectCleaner.clean(after);
          if (target.kind().isSecret()) {
            shown = ObjectCleaner.redactSecret(shown);
          }
          return new AuditedAction.Outcome<>(codec.toYaml(shown), change.diff());
        });
  }

  /** Deletes with the given propagation, audited as {@code delete}. */
  public void delete(Caller caller, String cluster, ObjectName which, String propagation) {
    requireCluster(cluster);
    ObjectGateway.Propagation policy = propagation(propagation);
    KindInfo kind = resolve(cluster, which.apiVersion(), which.kind());
    String namespace = namespaceOf(kind, which.namespace());
    requireName(which.name());
    audited.run(
        caller,
        Verb.MUTATE,
        new AuditedAction.Target(cluster, namespace, kind.kind(), which.name()),
        "delete",
        () -> {
          if (!gateway.delete(caller, cluster, kind, namespace, which.name(), policy)) {
            throw ResourceException.notFound(kind.kind(), namespace, which.name());
          }
          return AuditedAction.Outcome.of(null);
        });
  }

  private record Target(KindInfo kind, String namespace, String name, Map<String, Object> object) {}

  /** The body as parsed and checked locally, before anything is asked of the cluster. */
  private record Body(
      Map<String, Object> object, String apiVersion, String kind, String namespace, String name) {}

  @SuppressWarnings("unchecked")
  private Body body(String text) {
    Map<String, Object> object = codec.parse(text);
    Object apiVersion = object.get("apiVersion");
    Object kindName = object.get("kind");
    if (!(apiVersion instanceof String) || ((String) apiVersion).isBlank()) {
      throw ResourceException.invalid("apiVersion is missing");
    }
    if (!(kindName instanceof String) || ((String) kindName).isBlank()) {
      throw ResourceException.invalid("kind is missing");
    }
    if (!(object.get("metadata") instanceof Map<?, ?>)) {
      throw ResourceException.invalid("metadata is missing");
    }
    Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
    if (!(metadata.get("name") instanceof String name) || name.isBlank()) {
      throw ResourceException.invalid("metadata.name is missing");
    }
    Object givenNamespace = metadata.get("namespace");
    if (givenNamespace != null && !(givenNamespace instanceof String)) {
      throw ResourceException.invalid("metadata.namespace must be a string");
    }
    return new Body(object, (String) apiVersion, (String) kindName, (String) givenNamespace, name);
  }

  /** Resolves the body's kind and fills in the namespace. */
  @SuppressWarnings("unchecked")
  private Target target(String cluster, Body body) {
    KindInfo kind = resolve(cluster, body.apiVersion(), body.kind());
    String namespace = namespaceOf(kind, body.namespace());
    String name = body.name();
    Map<String, Object> cleaned = ObjectCleaner.clean(body.object());
    Map<String, Object> meta = (Map<String, Object>) cleaned.get("metadata");
    if (namespace != null) {
      meta.put("namespace", namespace);
    } else {
      meta.remove("namespace");
    }
    return new Target(kind, namespace, name, cleaned);
  }

  private Preview compare(Target target, Map<String, Object> before, Map<String, Object> after) {
    String beforeText = before == null ? null : comparable(target.kind(), before);
    String afterText = comparable(target.kind(), after);
    String diff =
        UnifiedDiff.of(
            beforeText,
            afterText,
            before == null ? "/dev/null" : label(target, "live"),
            label(target, "applied"));
    return new Preview(!diff.isEmpty(), diff, beforeText, afterText);
  }

  private static String label(Target target, String side) {
    return target.kind().kind()
        + "/"
        + (target.namespace() == null ? "" : target.namespace() + "/")
        + target.name()
        + " ("
        + side
        + ")";
  }

  /**
   * YAML for comparison: cleaned, without the fields every write changes, secrets fingerprinted.
   */
  @SuppressWarnings("unchecked")
  private String comparable(KindInfo kind, Map<String, Object> object) {
    Map<String, Object> cleaned = ObjectCleaner.clean(object);
    if (cleaned.get("metadata") instanceof Map<?, ?> meta) {
      ((Map<String, Object>) meta).remove("resourceVersion");
      ((Map<String, Object>) meta).remove("generation");
    }
    if (kind.isSecret()) {
      cleaned = ObjectCleaner.redactSecret(cleaned, marks::mark);
    }
    return codec.toYaml(cleaned);
  }

  private Map<String, Object> fetch(
      Caller caller, String cluster, KindInfo kind, String namespace, String name) {
    return gateway
        .get(caller, cluster, kind, namespace, name)
        .map(ObjectCleaner::clean)
        .orElseThrow(() -> ResourceException.notFound(kind.kind(), namespace, name));
  }

  private String format(Map<String, Object> object, Format format) {
    return format == Format.JSON ? codec.toJson(object) : codec.toYaml(object);
  }

  private KindInfo resolve(String cluster, String apiVersion, String kind) {
    if (apiVersion == null || apiVersion.isBlank() || kind == null || kind.isBlank()) {
      throw ResourceException.invalid("apiVersion and kind are required");
    }
    return gateway
        .resolve(cluster, apiVersion.strip(), kind.strip())
        .orElseThrow(() -> ResourceException.unknownKind(apiVersion, kind));
  }

  private void requireCluster(String cluster) {
    if (clusters.find(cluster).isEmpty()) {
      throw new ClusterNotFoundException(cluster);
    }
  }

  private static String namespaceOf(KindInfo kind, String namespace) {
    if (!kind.namespaced()) {
      return null;
    }
    return namespace == null || namespace.isBlank() ? "default" : namespace.strip();
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw ResourceException.invalid("name is required");
    }
  }

  private static ObjectGateway.Propagation propagation(String value) {
    if (value == null || value.isBlank()) {
      return ObjectGateway.Propagation.BACKGROUND;
    }
    try {
      return ObjectGateway.Propagation.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ResourceException.invalid("propagation must be background, foreground or orphan");
    }
  }
}
