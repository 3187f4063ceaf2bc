package io.kubeward.resource.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.Map;

/** Failures of the generic object access, each with its stable code. */
public final class ResourceException extends KubewardException {

  public static final String MALFORMED = "resource.malformed";
  public static final String UNKNOWN_KIND = "resource.unknown-kind";
  public static final String INVALID = "resource.invalid";
  public static final String NOT_FOUND = "resource.not-found";
  public static final String TOO_MANY_DOCUMENTS = "resource.too-many-documents";

  private ResourceException(
      String code, ErrorKind kind, String message, Map<String, Object> properties) {
    super(code, kind, message, properties);
  }

  /** The body is no YAML/JSON object; {@code line}/{@code column} are 1-based (0 if unknown). */
  public static ResourceException malformed(String reason, int line, int column) {
    return new ResourceException(
        MALFORMED,
        ErrorKind.INVALID,
        "Malformed object at line " + line + ", column " + column + ": " + reason,
        props("line", line, "column", column, "reason", reason));
  }

  /** Document {@code document} (1-based) of several cannot be parsed; line/column in the body. */
  public static ResourceException malformedDocument(
      int document, String reason, int line, int column) {
    return new ResourceException(
        MALFORMED,
        ErrorKind.INVALID,
        "Malformed document "
            + document
            + " at line "
            + line
            + ", column "
            + column
            + ": "
            + reason,
        props("line", line, "column", column, "reason", reason, "document", document));
  }

  public static ResourceException tooManyDocuments(int max) {
    return new ResourceException(
        TOO_MANY_DOCUMENTS,
        ErrorKind.INVALID,
        "The body holds more than " + max + " documents",
        props("maximum", max));
  }

  public static ResourceException unknownKind(String apiVersion, String kind) {
    return new ResourceException(
        UNKNOWN_KIND,
        ErrorKind.INVALID,
        "The cluster serves no kind " + kind + " in " + apiVersion,
        props("kind", String.valueOf(kind), "apiVersion", String.valueOf(apiVersion)));
  }

  /** The object is not valid (locally: a missing field; or as the apiserver says). */
  public static ResourceException invalid(String reason) {
    return new ResourceException(
        INVALID, ErrorKind.INVALID, "Invalid object: " + reason, props("reason", reason));
  }

  public static ResourceException notFound(String kind, String namespace, String name) {
    return new ResourceException(
        NOT_FOUND,
        ErrorKind.NOT_FOUND,
        kind + " " + (namespace == null ? "" : namespace + "/") + name + " does not exist",
        props("kind", kind, "name", name, "namespace", namespace == null ? "-" : namespace));
  }
}
