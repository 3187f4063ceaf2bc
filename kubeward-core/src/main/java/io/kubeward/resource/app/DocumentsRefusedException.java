package io.kubeward.resource.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body of several documents that was not applied as a whole, with a result per document in the
 * property {@code documents}: each entry names the document ({@code index}, {@code apiVersion},
 * {@code kind}, {@code namespace}, {@code name}) and its {@code result}; a refused or failed one
 * carries its {@code problem} (a {@link KubewardException}, rendered as a nested problem). The kind
 * is that of the first refusal, so a denial stays a 403 and a conflict a 409.
 */
public final class DocumentsRefusedException extends KubewardException {

  /** The dry run refused documents: nothing was applied. */
  public static final String REFUSED = "resource.documents-refused";

  /** A document failed after the dry run passed: the ones before it were applied. */
  public static final String PARTIAL = "resource.documents-partially-applied";

  private DocumentsRefusedException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  static DocumentsRefusedException refused(
      ErrorKind kind, int refused, int total, List<Map<String, Object>> documents) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("refused", refused);
    properties.put("total", total);
    properties.put("documents", List.copyOf(documents));
    return new DocumentsRefusedException(
        REFUSED,
        kind,
        refused + " of " + total + " documents were refused; nothing was applied",
        properties);
  }

  static DocumentsRefusedException partial(
      ErrorKind kind, int applied, int total, int failed, List<Map<String, Object>> documents) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("applied", applied);
    properties.put("total", total);
    properties.put("failed", failed);
    properties.put("documents", List.copyOf(documents));
    return new DocumentsRefusedException(
        PARTIAL,
        kind,
        applied + " of " + total + " documents were applied before document " + failed + " failed",
        properties);
  }
}
