package io.kubeward.resource.kube;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubeward.resource.app.ObjectCodec;
import io.kubeward.resource.app.ResourceException;
import java.util.Map;

/**
 * YAML/JSON through Jackson (the YAML parser fabric8 brings). JSON is parsed as YAML (it is a
 * subset), so one parser reports line and column for both. Only one document, and only a mapping at
 * the top, are accepted.
 */
public final class JacksonObjectCodec implements ObjectCodec {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final ObjectMapper yaml;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public JacksonObjectCodec() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build())
            .build();
    this.yaml = new YAMLMapper(factory);
  }

  @Override
  public Map<String, Object> parse(String text) {
    if (text == null || text.isBlank()) {
      throw ResourceException.malformed("the body is empty", 1, 1);
    }
    Object value;
    try {
      value = yaml.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
      int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
      return failAt(e.getOriginalMessage(), line, column);
    }
    if (!(value instanceof Map<?, ?>)) {
      throw ResourceException.malformed("the body must be one object (a mapping)", 1, 1);
    }
    try {
      return yaml.convertValue(value, OBJECT);
    } catch (IllegalArgumentException e) {
      throw ResourceException.malformed("keys must be strings", 1, 1);
    }
  }

  private static Map<String, Object> failAt(String message, int line, int column) {
    String reason = message == null ? "cannot be parsed" : message.lines().findFirst().orElse("");
    throw ResourceException.malformed(reason.strip(), line, column);
  }

  @Override
  public String toYaml(Map<String, Object> object) {
    try {
      return yaml.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object read from the API cannot be written", e);
    }
  }

  @Override
  public String toJson(Map<String, Object> object) {
    try {
      return json.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object read from the API cannot be written", e);
    }
  }
}
