package io.kubeward.server.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The operations of the live OpenAPI document ({@code /v3/api-docs}): a new endpoint is covered by
 * the bad-input tests and the fuzz suite without anyone listing it.
 */
public record ApiOperations(JsonNode document, List<Operation> operations) {

  /** A parameter of an operation, with its schema (refs resolved). */
  public record Parameter(String name, String in, boolean required, JsonNode schema) {}

  /**
   * One method on one path template. {@code bodySchema} is {@code null} when the document declares
   * no JSON body; {@code mediaTypes} lists what it consumes.
   */
  public record Operation(
      String method,
      String path,
      List<Parameter> parameters,
      JsonNode bodySchema,
      List<String> mediaTypes) {

    public boolean isSafe() {
      return method.equals("GET")
          || method.equals("HEAD")
          || path.endsWith("/preview")
          || path.endsWith("/alert-rules/validate")
          || path.equals("/api/v1/auth/login");
    }

    public List<Parameter> in(String where) {
      return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

  public static ApiOperations of(JsonNode document) {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        JsonNode operation = entry.getValue();
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
          JsonNode resolved = resolve(document, p);
          parameters.add(
              new Parameter(
                  resolved.path("name").asString(),
                  resolved.path("in").asString(),
                  resolved.path("required").asBoolean(false),
                  resolve(document, resolved.path("schema"))));
        }
        JsonNode body = null;
        List<String> mediaTypes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> content :
            operation.path("requestBody").path("content").properties()) {
          mediaTypes.add(content.getKey());
          if (content.getKey().contains("json")) {
            body = resolve(document, content.getValue().path("schema"));
          }
        }
        operations.add(
            new Operation(
                entry.getKey().toUpperCase(Locale.ROOT),
                path.getKey(),
                List.copyOf(parameters),
                body,
                List.copyOf(mediaTypes)));
      }
    }
    return new ApiOperations(document, List.copyOf(operations));
  }

  /** A schema or parameter with its {@code $ref} followed (one level; call again for nested). */
  public static JsonNode resolve(JsonNode document, JsonNode node) {
    JsonNode current = node;
    for (int i = 0; i < 10 && current.has("$ref"); i++) {
      String ref = current.get("$ref").asString(); // #/components/schemas/Name
      JsonNode target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part);
      }
      current = target;
    }
    return current;
  }
}
