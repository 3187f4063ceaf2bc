package io.kubeward.resource.app;

import io.kubeward.access.app.Caller;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.common.KubewardException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preview and apply of a body of one or more YAML documents ({@code ---} between them), as
 * atomically as Kubernetes allows:
 *
 * <ol>
 *   <li>every document is parsed first: a malformed one is a 400 naming the document, its line and
 *       column, and nothing is sent;
 *   <li>every document is applied as a dry run: if any is refused, nothing is applied and the
 *       answer has a result per document (one document: its own problem, as before);
 *   <li>then each is applied in order, each audited as one {@code apply}; should one fail now (the
 *       cluster changed since the dry run), the ones before it stay applied and the answer says so,
 *       document by document.
 * </ol>
 *
 * Documents go one by one through {@link ObjectAccess}'s single-object operations, so
 * authorization, secrets handling and audit stay in one place.
 */
public final class ApplyDocuments {

  private final ObjectAccess objects;
  private final ObjectCodec codec;
  private final AuditedAction audited;

  public ApplyDocuments(ObjectAccess objects, ObjectCodec codec, AuditedAction audited) {
    this.objects = objects;
    this.codec = codec;
    this.audited = audited;
  }

  /** Which document: its 1-based index and the object it names (as written, unresolved). */
  public record DocumentRef(
      int index, String apiVersion, String kind, String namespace, String name) {}

  /** The dry run of one document. */
  public record DocumentPreview(DocumentRef document, ObjectAccess.Preview preview) {}

  /**
   * One applied document: what the dry run just before showed ({@code changed}, {@code diff}) and
   * the applied object as YAML (secrets redacted).
   */
  public record DocumentApplied(DocumentRef document, boolean changed, String diff, String yaml) {}

  /** A dry run of every document; nothing changes, nothing is audited. */
  public List<DocumentPreview> preview(Caller caller, String cluster, String body, boolean force) {
    List<ObjectCodec.Document> documents = codec.parseAll(body);
    List<DocumentPreview> previews = dryRun(caller, cluster, documents, force, false);
    return previews;
  }

  /** Applies every document if the dry run accepts every one; see the class comment. */
  public List<DocumentApplied> apply(Caller caller, String cluster, String body, boolean force) {
    List<ObjectCodec.Document> documents;
    try {
      documents = codec.parseAll(body);
    } catch (ResourceException malformed) {
      // no target is known: the attempt is audited on the cluster, as a single object's is
      return audited.runOwn(
          caller,
          new AuditedAction.Target(cluster, null, null, null),
          "apply",
          () -> {
            throw malformed;
          });
    }
    List<DocumentPreview> previews = dryRun(caller, cluster, documents, force, true);
    List<DocumentApplied> applied = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      ObjectCodec.Document document = documents.get(i);
      DocumentPreview preview = previews.get(i);
      String yaml;
      try {
        yaml = objects.apply(caller, cluster, codec.toJson(document.object()), force);
      } catch (KubewardException failed) {
        if (documents.size() == 1) {
          throw failed;
        }
        throw partial(documents, applied.size(), failed);
      }
      applied.add(
          new DocumentApplied(
              preview.document(), preview.preview().changed(), preview.preview().diff(), yaml));
    }
    return List.copyOf(applied);
  }

  private List<DocumentPreview> dryRun(
      Caller caller,
      String cluster,
      List<ObjectCodec.Document> documents,
      boolean force,
      boolean auditRefusals) {
    List<DocumentPreview> previews = new ArrayList<>();
    List<Map<String, Object>> results = new ArrayList<>();
    KubewardException first = null;
    int refused = 0;
    for (ObjectCodec.Document document : documents) {
      DocumentRef ref = ref(document);
      try {
        ObjectAccess.Preview preview =
            objects.preview(caller, cluster, codec.toJson(document.object()), force);
        previews.add(new DocumentPreview(ref, preview));
        results.add(result(ref, "accepted", null));
      } catch (KubewardException e) {
        if (auditRefusals) {
          auditRefusal(caller, cluster, ref, e);
        }
        refused++;
        first = first == null ? e : first;
        results.add(result(ref, "refused", e));
      }
    }
    if (first != null) {
      if (documents.size() == 1) {
        throw first;
      }
      throw DocumentsRefusedException.refused(first.kind(), refused, documents.size(), results);
    }
    return previews;
  }

  /** One audit record of an {@code apply} the dry run refused (so it was never attempted). */
  private void auditRefusal(Caller caller, String cluster, DocumentRef ref, KubewardException e) {
    try {
      audited.runOwn(
          caller,
          new AuditedAction.Target(cluster, ref.namespace(), ref.kind(), ref.name()),
          "apply",
          () -> {
            throw e;
          });
    } catch (KubewardException recorded) {
      // recorded as a failure; the caller gets every document's result together
    }
  }

  private DocumentsRefusedException partial(
      List<ObjectCodec.Document> documents, int appliedCount, KubewardException failure) {
    List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      DocumentRef ref = ref(documents.get(i));
      if (i < appliedCount) {
        results.add(result(ref, "applied", null));
      } else if (i == appliedCount) {
        results.add(result(ref, "failed", failure));
      } else {
        results.add(result(ref, "not-applied", null));
      }
    }
    return DocumentsRefusedException.partial(
        failure.kind(), appliedCount, documents.size(), appliedCount + 1, results);
  }

  private static Map<String, Object> result(
      DocumentRef ref, String result, KubewardException problem) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("index", ref.index());
    entry.put("apiVersion", ref.apiVersion());
    entry.put("kind", ref.kind());
    entry.put("namespace", ref.namespace());
    entry.put("name", ref.name());
    entry.put("result", result);
    if (problem != null) {
      entry.put("problem", problem);
    }
    return entry;
  }

  private static DocumentRef ref(ObjectCodec.Document document) {
    Map<String, Object> object = document.object();
    Object metadata = object.get("metadata");
    Map<?, ?> meta = metadata instanceof Map<?, ?> m ? m : Map.of();
    return new DocumentRef(
        document.index(),
        text(object.get("apiVersion")),
        text(object.get("kind")),
        text(meta.get("namespace")),
        text(meta.get("name")));
  }

  private static String text(Object value) {
    return value instanceof String s ? s : null;
  }
}
