package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.ObjectRef;
import io.kubeward.backup.domain.ObjectResult;
import io.kubeward.backup.domain.RestoreOutcome;
import io.kubeward.backup.domain.restore.RestoreCounts;
import io.kubeward.resource.domain.KindInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** In-memory archive, cluster and results for the restore's application layer. */
final class Fakes {

  private Fakes() {}

  static ObjectRef ref(String apiVersion, String kind, @Nullable String ns, String name) {
    return new ObjectRef(apiVersion, kind, ns, name);
  }

  static Map<String, Object> object(ObjectRef ref, Map<String, String> labels) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", ref.name());
    if (ref.namespace() != null) {
      metadata.put("namespace", ref.namespace());
    }
    if (!labels.isEmpty()) {
      metadata.put("labels", labels);
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", ref.apiVersion());
    o.put("kind", ref.kind());
    o.put("metadata", metadata);
    o.put("uid-marker", "archived");
    return o;
  }

  static final class Archive implements RestoreArchive {
    final Map<ObjectRef, Map<String, Object>> objects = new LinkedHashMap<>();

    Archive add(ObjectRef ref) {
      return add(ref, Map.of());
    }

    Archive add(ObjectRef ref, Map<String, String> labels) {
      objects.put(ref, object(ref, labels));
      return this;
    }

    Archive put(ObjectRef ref, Map<String, Object> object) {
      objects.put(ref, object);
      return this;
    }

    @Override
    public String sha256() {
      return "abc";
    }

    @Override
    public List<ObjectRef> objects() {
      return List.copyOf(objects.keySet());
    }

    @Override
    public Map<String, Object> read(ObjectRef object) {
      return objects.get(object);
    }

    @Override
    public void close() {}
  }

  static final class Cluster implements RestoreCluster {
    final Map<String, KindInfo> kinds = new ConcurrentHashMap<>();
    final Map<ObjectRef, Map<String, Object>> objects = new ConcurrentHashMap<>();
    final Set<String> forbidden = ConcurrentHashMap.newKeySet(); // "verb|Kind"
    final Set<ObjectRef> immutable = ConcurrentHashMap.newKeySet();
    final Set<ObjectRef> unreadable = ConcurrentHashMap.newKeySet();
    final Map<ObjectRef, Integer> createAnswers = new ConcurrentHashMap<>();
    final List<String> writes = new ArrayList<>();
    final Set<String> established = ConcurrentHashMap.newKeySet();
    Function<Map<String, Object>, Map<String, Object>> onCrd = m -> m;

    Cluster() {
      serve("", "v1", "Namespace", "namespaces", false);
      serve("", "v1", "ConfigMap", "configmaps", true);
      serve("", "v1", "Secret", "secrets", true);
      serve("", "v1", "Service", "services", true);
      serve("", "v1", "ServiceAccount", "serviceaccounts", true);
      serve("apps", "v1", "Deployment", "deployments", true);
      serve(
          "apiextensions.k8s.io",
          "v1",
          "CustomResourceDefinition",
          "customresourcedefinitions",
          false);
    }

    Cluster serve(String group, String version, String kind, String plural, boolean namespaced) {
      KindInfo k = new KindInfo(group, version, kind, plural, namespaced, List.of());
      kinds.put(k.apiVersion() + "|" + kind, k);
      return this;
    }

    Cluster has(ObjectRef ref) {
      objects.put(ref, object(ref, Map.of()));
      return this;
    }

    @Override
    public Optional<KindInfo> resolve(String apiVersion, String kind) {
      return Optional.ofNullable(kinds.get(apiVersion + "|" + kind));
    }

    @Override
    public Lookup get(KindInfo kind, ObjectRef target) {
      if (unreadable.contains(target)) {
        return Lookup.forbidden("no");
      }
      Map<String, Object> o = objects.get(target);
      return o == null ? Lookup.absent() : Lookup.exists(o);
    }

    @Override
    public boolean may(String verb, KindInfo kind, @Nullable String namespace) {
      return !forbidden.contains(verb + "|" + kind.kind());
    }

    @Override
    public synchronized Write create(KindInfo kind, Map<String, Object> object) {
      ObjectRef ref = refOf(object);
      writes.add("create " + ref.kind() + " " + ref.namespace() + "/" + ref.name());
      Integer answer = createAnswers.get(ref);
      if (answer != null) {
        return new Write(answer, "refused " + answer);
      }
      if (forbidden.contains("create|" + kind.kind())) {
        return new Write(403, "forbidden: cannot create " + kind.plural());
      }
      if (objects.containsKey(ref)) {
        return new Write(409, "already exists");
      }
      objects.put(ref, object);
      if (kind.kind().equals("CustomResourceDefinition")) {
        Map<?, ?> spec = (Map<?, ?>) object.get("spec");
        Map<?, ?> names = (Map<?, ?>) spec.get("names");
        serve(
            (String) spec.get("group"),
            "v1",
            (String) names.get("kind"),
            (String) names.get("plural"),
            true);
        established.add(ref.name());
      }
      return Write.OK;
    }

    @Override
    public synchronized Write apply(KindInfo kind, Map<String, Object> object, boolean dryRun) {
      ObjectRef ref = refOf(object);
      if (forbidden.contains("patch|" + kind.kind())) {
        return new Write(403, "forbidden: cannot patch");
      }
      if (immutable.contains(ref)) {
        return new Write(422, "spec.selector: field is immutable");
      }
      if (!dryRun) {
        writes.add("apply " + ref.kind() + " " + ref.namespace() + "/" + ref.name());
        objects.put(ref, object);
      }
      return Write.OK;
    }

    @Override
    public boolean established(String crdName) {
      return established.contains(crdName);
    }

    static ObjectRef refOf(Map<String, Object> object) {
      Map<?, ?> m = (Map<?, ?>) object.get("metadata");
      return new ObjectRef(
          (String) object.get("apiVersion"),
          (String) object.get("kind"),
          (String) m.get("namespace"),
          (String) m.get("name"));
    }
  }

  static final class Results implements RestoreResults {
    final Map<ObjectRef, ObjectResult> results = new ConcurrentHashMap<>();
    final Set<ObjectRef> begun = ConcurrentHashMap.newKeySet();

    @Override
    public void begin(String restore, ObjectRef source, ObjectRef target) {
      begun.add(source);
    }

    @Override
    public void record(String restore, ObjectResult result) {
      begun.remove(result.source());
      results.put(result.source(), result);
    }

    @Override
    public Map<ObjectRef, RestoreOutcome> recorded(String restore) {
      Map<ObjectRef, RestoreOutcome> m = new LinkedHashMap<>();
      results.forEach((k, v) -> m.put(k, v.outcome()));
      return m;
    }

    @Override
    public Set<ObjectRef> begun(String restore) {
      return new HashSet<>(begun);
    }

    @Override
    public RestoreCounts counts(String restore) {
      RestoreCounts c = RestoreCounts.NONE;
      for (ObjectResult r : results.values()) {
        c = c.plus(r.outcome());
      }
      return c;
    }

    @Override
    public Page page(String restore, @Nullable RestoreOutcome outcome, int page, int size) {
      List<ObjectResult> all =
          results.values().stream()
              .filter(r -> outcome == null || r.outcome() == outcome)
              .sorted(Comparator.comparing(r -> r.source().name()))
              .toList();
      return new Page(
          all.stream().skip((long) page * size).limit(size).toList(), all.size(), page, size);
    }

    @Override
    public void delete(String restore) {
      results.clear();
    }

    ObjectResult of(ObjectRef ref) {
      return results.get(ref);
    }
  }
}
