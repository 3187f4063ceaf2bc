package io.kubeward.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** JSON and YAML helpers around one shared mapper. */
public final class Json {

  public static final ObjectMapper MAPPER = JsonMapper.builder().build();
  public static final ObjectMapper YAML = YAMLMapper.builder().build();

  private Json() {}

  /** The text at {@code field}, or {@code null} when it is missing or JSON null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** {@code text(node, field)} or {@code fallback}. */
  public static String text(JsonNode node, String field, String fallback) {
    String value = text(node, field);
    return value == null ? fallback : value;
  }

  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (Exception e) {
      return String.valueOf(node);
    }
  }
}
