package io.kubeward.resource.app;

import java.util.Map;

/** Port: turns YAML/JSON text into an object (nested maps) and back. */
public interface ObjectCodec {

  /**
   * Parses one object from YAML or JSON (JSON is YAML).
   *
   * @throws ResourceException {@code resource.malformed} with line and column
   */
  Map<String, Object> parse(String text);

  String toYaml(Map<String, Object> object);

  String toJson(Map<String, Object> object);
}
