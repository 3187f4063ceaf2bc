package io.kubeward.server.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated inputs for the fuzz suite, from one seeded random source (a run is repeatable from its
 * seed): strings from a pool of the values that break parsers (huge and negative numbers, unicode,
 * control characters, very long text, malformed percent-encoding) and random ones; JSON values from
 * an OpenAPI schema, then mutated (wrong types, nulls, deep nesting, long strings, fields dropped
 * or added); Kubernetes objects of several kinds; and a corpus of malformed YAML/JSON files.
 */
final class FuzzInputs {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Values that break parsers and validators. */
  static final List<String> TEXTS =
      List.of(
          "",
          " ",
          "a",
          "default",
          "kube-system",
          "local",
          "*",
          "-",
          "0",
          "-1",
          "1",
          "50",
          "500",
          "501",
          "2147483648",
          "9223372036854775807",
          "-9223372036854775808",
          "99999999999999999999999",
          "1e309",
          "NaN",
          "true",
          "false",
          "null",
          "名前",
          "🙂",
          "\u0000",
          "\n",
          "\r\nX-Injected: 1",
          "../../etc/passwd",
          "' OR '1'='1",
          "<script>alert(1)</script>",
          "a=b,c!=d",
          "a in (x,y),!h",
          "app in (",
          "x".repeat(300),
          "y".repeat(5000),
          "PT1H",
          "9223372036854775807s",
          "2562047788015216h",
          "2026-01-31T12:00:00Z",
          "not-a-time",
          "Deployment/web",
          "/",
          "\\",
          "{}",
          "[]",
          "\u202e",
          "json",
          "yaml",
          "csv",
          "success",
          "failure",
          "background",
          "orphan",
          "age",
          "-age",
          "restarts",
          "any",
          "Running");

  /** Query fragments that are not valid percent-encoding; sent as they are. */
  static final List<String> MALFORMED =
      List.of("%%%garbage", "%zz", "%", "%e4%b8", "%C0%AF", "%ff%fe", "%u0041", "%%", "%0", "%G1");

  static final List<String> CACHED_KINDS =
      List.of(
          "pods",
          "nodes",
          "namespaces",
          "deployments",
          "secrets",
          "configmaps",
          "events",
          "services",
          "jobs",
          "persistentvolumes");

  final SplittableRandom random;
  final String namespace;
  final List<byte[]> corpus;
  private int counter;

  FuzzInputs(long seed, String namespace) {
    this.random = new SplittableRandom(seed);
    this.namespace = namespace;
    this.corpus = corpus();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  int unique() {
    return ++counter;
  }

  /** A string from the pool, or a random one of any script. */
  String text() {
    if (chance(0.7)) {
      return pick(TEXTS);
    }
    int length = random.nextInt(0, 40);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(5);
      int codePoint =
          switch (kind) {
            case 0 -> random.nextInt(0x20, 0x7f);
            case 1 -> random.nextInt(0xa0, 0x250);
            case 2 -> random.nextInt(0x4e00, 0x9fff);
            case 3 -> random.nextInt(0x1f300, 0x1f64f);
            default -> random.nextInt(0, 0x20);
          };
      out.appendCodePoint(codePoint);
    }
    return out.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A query value as it goes on the wire: encoded, or (sometimes) malformed on purpose. */
  String queryValue(JsonNode schema) {
    if (chance(0.1)) {
      return pick(MALFORMED);
    }
    if (chance(0.5)) {
      return encode(typed(schema));
    }
    return encode(text());
  }

  /**
   * A schema's type: OpenAPI 3.1 writes a nullable one as a list ({@code ["string", "null"]}); the
   * first type that is not {@code null} counts.
   */
  static String typeOf(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode each : type) {
        if (!"null".equals(each.asString())) {
          return each.asString();
        }
      }
      return "";
    }
    return type.isMissingNode() || type.isNull() ? "" : type.asString();
  }

  /** A value that fits the schema's type (in range or at its edges). */
  String typed(JsonNode schema) {
    if (schema.has("enum") && chance(0.7)) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size())).asString();
    }
    return switch (typeOf(schema)) {
      case "integer", "number" ->
          pick(
              List.of(
                  "0",
                  "1",
                  "-1",
                  "50",
                  "500",
                  "501",
                  "2147483647",
                  "9223372036854775807",
                  "99999999999999999999",
                  Integer.toString(random.nextInt())));
      case "boolean" -> pick(List.of("true", "false", "TRUE", "1", "maybe"));
      default -> text();
    };
  }

  /** A JSON value for the schema (refs resolved through {@code document}). */
  Object fromSchema(JsonNode document, JsonNode schema, int depth) {
    JsonNode s = ApiOperations.resolve(document, schema);
    if (depth > 6) {
      return null;
    }
    String type = typeOf(s);
    if (type.isEmpty() && s.has("properties")) {
      type = "object";
    }
    return switch (type) {
      case "object" -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
          if (chance(0.8)) {
            object.put(property.getKey(), fromSchema(document, property.getValue(), depth + 1));
          }
        }
        if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
          for (int i = random.nextInt(3); i > 0; i--) {
            object.put(text(), fromSchema(document, s.get("additionalProperties"), depth + 1));
          }
        }
        yield object;
      }
      case "array" -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(fromSchema(document, s.path("items"), depth + 1));
        }
        yield list;
      }
      case "integer", "number" ->
          pick(
              List.<Object>of(
                  0,
                  1,
                  -1,
                  60,
                  3600,
                  Integer.MAX_VALUE,
                  Long.MAX_VALUE,
                  Long.MIN_VALUE,
                  new java.math.BigInteger("99999999999999999999999"),
                  1.5e308));
      case "boolean" -> random.nextBoolean();
      default -> s.has("enum") && chance(0.7) ? pick(enumValues(s)) : text();
    };
  }

  private static List<String> enumValues(JsonNode schema) {
    List<String> values = new ArrayList<>();
    schema.get("enum").forEach(v -> values.add(v.asString()));
    return values;
  }

  /** A random JSON value of any shape. */
  Object anyValue(int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 8);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong();
      case 3 -> pick(List.<Object>of(Double.MAX_VALUE, -0.0, 1e-300, 123456789.987654321));
      case 4, 5 -> text();
      case 6 -> {
        List<Object> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          list.add(anyValue(depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          map.put(text(), anyValue(depth + 1));
        }
        yield map;
      }
    };
  }

  /** The value with up to three random changes somewhere inside. */
  @SuppressWarnings("unchecked")
  Object mutate(Object value) {
    Object current = value;
    for (int i = random.nextInt(4); i > 0; i--) {
      current = mutateOnce(current, 0);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private Object mutateOnce(Object value, int depth) {
    if (value instanceof Map<?, ?> map && !map.isEmpty() && chance(0.7)) {
      Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
      String key = pick(new ArrayList<>(copy.keySet()));
      switch (random.nextInt(4)) {
        case 0 -> copy.remove(key);
        case 1 -> copy.put(text(), anyValue(depth));
        default -> copy.put(key, mutateOnce(copy.get(key), depth + 1));
      }
      return copy;
    }
    if (value instanceof List<?> list && !list.isEmpty() && chance(0.7)) {
      List<Object> copy = new ArrayList<>(list);
      int at = random.nextInt(copy.size());
      copy.set(at, mutateOnce(copy.get(at), depth + 1));
      if (chance(0.2)) {
        copy.add(null);
      }
      return copy;
    }
    return switch (random.nextInt(5)) {
      case 0 -> null;
      case 1 -> deep(random.nextInt(50, 400));
      case 2 -> "z".repeat(random.nextInt(1, 100_000));
      default -> anyValue(depth);
    };
  }

  private static Object deep(int levels) {
    Object value = "bottom";
    for (int i = 0; i < levels; i++) {
      value = List.of(value);
    }
    return value;
  }

  static byte[] json(Object value) {
    return JSON.writeValueAsBytes(value);
  }

  /** A Kubernetes object of one of several kinds, perhaps mutated. */
  Map<String, Object> kubeObject() {
    String name = chance(0.8) ? "fuzz-" + unique() : text();
    String ns = pick(List.of(namespace, namespace, "default", "kube-system", text()));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    metadata.put("namespace", ns);
    if (chance(0.3)) {
      metadata.put("labels", Map.of(text(), text()));
    }
    Map<String, Object> object = new LinkedHashMap<>();
    switch (random.nextInt(10)) {
      case 0 -> {
        object.put("apiVersion", "v1");
        object.put("kind", "ConfigMap");
        object.put("data", Map.of("k", text()));
      }
      case 1 -> {
        object.put("apiVersion", "v1");
        object.put("kind", "Secret");
        object.put("stringData", Map.of("password", text()));
      }
      case 2 -> {
        object.put("apiVersion", "v1");
        object.put("kind", "Pod");
        object.put(
            "spec",
            Map.of(
                "containers", List.of(Map.of("name", "app", "image", "registry.example/app:1"))));
      }
      case 3 -> {
        object.put("apiVersion", "apps/v1");
        object.put("kind", "Deployment");
        object.put(
            "spec",
            Map.of(
                "replicas",
                pick(List.<Object>of(1, -1, "three", Long.MAX_VALUE)),
                "selector",
                Map.of("matchLabels", Map.of("app", "x"))));
      }
      case 4 -> {
        object.put("apiVersion", "coordination.k8s.io/v1");
        object.put("kind", "Lease");
        object.put(
            "spec",
            pick(
                List.<Object>of(
                    Map.of("holderIdentity", text(), "leaseDurationSeconds", random.nextInt()),
                    Map.of("renewTime", text()),
                    Map.of("leaseDurationSeconds", "abc"),
                    List.of(1, 2))));
      }
      case 5 -> {
        object.put("apiVersion", "v1");
        object.put("kind", "Namespace");
        metadata.remove("namespace");
      }
      case 6 -> {
        object.put("apiVersion", "rbac.authorization.k8s.io/v1");
        object.put("kind", "ClusterRoleBinding");
        metadata.remove("namespace");
        object.put(
            "roleRef",
            Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "view"));
        object.put("subjects", List.of(Map.of("kind", "User", "name", text())));
      }
      case 7 -> {
        object.put("apiVersion", "kubeward.io/v1alpha1");
        object.put("kind", "NodeMaintenance");
        metadata.remove("namespace");
        object.put(
            "spec",
            Map.of(
                "nodes",
                List.of("fuzz-missing-node"),
                "drain",
                Map.of("timeout", pick(List.of("30m", "9223372036854775807s", text())))));
      }
      case 8 -> {
        object.put("apiVersion", "v1");
        object.put("kind", "Node");
        metadata.remove("namespace");
        object.put("spec", Map.of("unschedulable", pick(List.<Object>of(true, "yes", 1))));
      }
      default -> {
        object.put("apiVersion", pick(List.of("v1", "fuzz.example/v1", text())));
        object.put("kind", pick(List.of("FooBar", "ConfigMap", text())));
      }
    }
    object.put("metadata", metadata);
    return object;
  }

  /**
   * The value made into something the apiserver must refuse whatever else it holds: an unknown
   * top-level field (strict field validation rejects it for every kind) and, when it names a
   * namespace, one that does not exist.
   */
  @SuppressWarnings("unchecked")
  Object poisoned(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) map);
    object.put("fuzzUnknownField", 12345);
    if (object.get("metadata") instanceof Map<?, ?> meta && meta.containsKey("namespace")) {
      Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) meta);
      metadata.put("namespace", "fuzz-no-such-namespace-" + unique());
      object.put("metadata", metadata);
    }
    return object;
  }

  byte[] corpusEntry() {
    return pick(corpus);
  }

  private static List<byte[]> corpus() {
    List<byte[]> entries = new ArrayList<>();
    for (String file :
        List.of(
            "array.json",
            "bad-binary.yaml",
            "bad-directive.yaml",
            "bad-indent.yaml",
            "billion-laughs.yaml",
            "bom.json",
            "comment.json",
            "complex-key.yaml",
            "deep-array.json",
            "deep-mapping.yaml",
            "double-comma.json",
            "duplicate-keys.yaml",
            "huge-numbers.json",
            "java-tag.yaml",
            "lone-surrogate.yaml",
            "long-name.json",
            "many-keys.yaml",
            "nan.json",
            "not-utf8.bin",
            "nul-bytes.bin",
            "null.json",
            "number.json",
            "only-separators.yaml",
            "python-tag.yaml",
            "second-document-malformed.yaml",
            "string.json",
            "tab-indent.yaml",
            "unclosed-flow.yaml",
            "unclosed.json",
            "undefined-alias.yaml")) {
      try (InputStream in = FuzzInputs.class.getResourceAsStream("/fuzz/corpus/" + file)) {
        if (in == null) {
          throw new IllegalStateException("corpus file missing: " + file);
        }
        entries.add(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    entries.add(new byte[0]);
    return List.copyOf(entries);
  }
}
