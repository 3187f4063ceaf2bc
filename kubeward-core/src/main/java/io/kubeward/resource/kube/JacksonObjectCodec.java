package io.kubeward.resource.kube;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YAML/JSON through Jackson (the YAML parser fabric8 brings). JSON is parsed as YAML (it is a
 * subset), so one parser reports line and column for both. Each document must be a mapping; at most
 * {@value #MAX_DOCUMENTS} documents per body.
 */
public final class JacksonObjectCodec implements ObjectCodec {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /** The most documents one body may hold (each is a dry run and an apply). */
  public static final int MAX_DOCUMENTS = 100;

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
    List<Document> documents = parseAll(text);
    if (documents.size() != 1) {
      Document second = documents.size() > 1 ? documents.get(1) : null;
      throw ResourceException.malformed(
          documents.isEmpty()
              ? "the body holds no object"
              : "the body must be one object, not " + documents.size() + " documents",
          second == null ? 1 : second.line(),
          1);
    }
    return documents.getFirst().object();
  }

  @Override
  public List<Document> parseAll(String text) {
    if (text == null || text.isBlank()) {
      throw ResourceException.malformed("the body is empty", 1, 1);
    }
    List<Document> documents = new ArrayList<>();
    int index = 0;
    try (JsonParser parser = yaml.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        JsonLocation start = parser.currentTokenLocation();
        int line = start == null ? 0 : Math.max(start.getLineNr(), 0);
        int column = start == null ? 0 : Math.max(start.getColumnNr(), 0);
        Object value;
        try {
          value = yaml.readValue(parser, Object.class);
        } catch (JsonProcessingException e) {
          throw failAt(e, index + 1);
        }
        if (value == null || (value instanceof String s && s.isEmpty())) {
          continue; // an empty document, e.g. a trailing ---
        }
        index++;
        if (index > MAX_DOCUMENTS) {
          throw ResourceException.tooManyDocuments(MAX_DOCUMENTS);
        }
        if (!(value instanceof Map<?, ?>)) {
          throw ResourceException.malformedDocument(
              index, "each document must be one object (a mapping)", line, column);
        }
        try {
          documents.add(new Document(index, yaml.convertValue(value, OBJECT), line));
        } catch (IllegalArgumentException e) {
          throw ResourceException.malformedDocument(index, "keys must be strings", line, column);
        }
      }
    } catch (JsonProcessingException e) {
      throw failAt(e, index + 1);
    } catch (IOException e) {
      throw ResourceException.malformed("the body cannot be read", 0, 0);
    }
    if (documents.isEmpty()) {
      throw ResourceException.malformed("the body holds no object", 1, 1);
    }
    return List.copyOf(documents);
  }

  private static ResourceException failAt(JsonProcessingException e, int document) {
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
    int column = location == null ? 0 : Math.max(location.getColumnNr(), 0);
    String message = e.getOriginalMessage();
    String reason = message == null ? "cannot be parsed" : message.lines().findFirst().orElse("");
    return ResourceException.malformedDocument(document, reason.strip(), line, column);
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
