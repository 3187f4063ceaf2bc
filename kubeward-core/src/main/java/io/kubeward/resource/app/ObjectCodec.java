package io.kubeward.resource.app;

import java.util.List;
import java.util.Map;

/** Port: turns YAML/JSON text into an object (nested maps) and back. */
public interface ObjectCodec {

  /**
   * Parses one object from YAML or JSON (JSON is YAML); a body of several documents is refused.
   *
   * @throws ResourceException {@code resource.malformed} with line and column
   */
  Map<String, Object> parse(String text);

  /**
   * One document of a YAML stream: its 1-based {@code index} among the non-empty documents, the
   * object, and its first line in the whole body.
   */
  record Document(int index, Map<String, Object> object, int line) {}

  /**
   * Parses every document of a YAML stream ({@code ---} between documents; JSON is one document).
   * Empty documents are skipped.
   *
   * @throws ResourceException {@code resource.malformed} naming the {@code document}, and the line
   *     and column in the whole body, for the first document that is no object
   */
  List<Document> parseAll(String text);

  String toYaml(Map<String, Object> object);

  String toJson(Map<String, Object> object);
}
