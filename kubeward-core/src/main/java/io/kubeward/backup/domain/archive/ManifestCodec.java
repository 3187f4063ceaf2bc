package io.kubeward.backup.domain.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.backup.domain.BackupScope;
import io.kubeward.backup.domain.ObjectFailure;
import io.kubeward.backup.domain.ObjectRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code manifest.json} (docs/ARCHIVE-FORMAT.md): written and read as a stream, one entry at a
 * time; unknown fields are ignored (a newer minor addition), a newer {@code formatVersion} is
 * refused.
 */
public final class ManifestCodec {

  /** The most entries a manifest may list. */
  public static final int MAX_ENTRIES = 1_000_000;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(64)
                      .maxStringLength(1_048_576)
                      .build())
              .build());

  private ManifestCodec() {}

  public static void write(Manifest m, OutputStream out) throws IOException {
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("formatVersion", m.formatVersion());
      g.writeStringField("cluster", m.cluster());
      g.writeStringField("kubernetesVersion", m.kubernetesVersion());
      g.writeStringField("createdAt", m.createdAt().toString());
      if (m.backupName() != null) {
        g.writeObjectFieldStart("backup");
        g.writeStringField("namespace", m.backupNamespace());
        g.writeStringField("name", m.backupName());
        g.writeEndObject();
      }
      if (m.scope() != null) {
        g.writeFieldName("scope");
        MAPPER.writeValue(g, scopeMap(m.scope()));
      }
      if (m.keyId() != null) {
        g.writeStringField("keyId", m.keyId());
        g.writeStringField("encryption", SecretSealer.ALGORITHM);
      }
      g.writeNumberField("objects", m.entries().size());
      g.writeObjectFieldStart("countsByKind");
      for (Map.Entry<String, Integer> e : m.countsByKind().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("entries");
      for (ManifestEntry e : m.entries()) {
        g.writeStartObject();
        g.writeStringField("path", e.path());
        writeRef(g, e.object());
        g.writeStringField("sha256", e.sha256());
        g.writeNumberField("size", e.size());
        if (e.sealed()) {
          g.writeBooleanField("sealed", true);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("failuresTotal", m.failuresTotal());
      g.writeArrayFieldStart("failures");
      for (ObjectFailure f : m.failures()) {
        g.writeStartObject();
        writeRef(g, f.object());
        g.writeStringField("reason", f.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void writeRef(JsonGenerator g, ObjectRef ref) throws IOException {
    g.writeStringField("apiVersion", ref.apiVersion());
    g.writeStringField("kind", ref.kind());
    if (ref.namespace() != null) {
      g.writeStringField("namespace", ref.namespace());
    }
    g.writeStringField("name", ref.name());
  }

  private static Map<String, Object> scopeMap(BackupScope s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("namespaces", s.namespaces());
    m.put("excludedNamespaces", s.excludedNamespaces());
    m.put("resources", s.resources());
    m.put("excludedResources", s.excludedResources());
    m.put("labelSelector", s.labelSelector());
    m.put("includeClusterResources", s.includeClusterResources());
    m.put("includeCustomResources", s.includeCustomResources());
    m.put("includeSecrets", s.includeSecrets());
    return m;
  }

  /**
   * Reads a manifest (the caller bounds the stream).
   *
   * @throws ArchiveException {@code backup.archive-corrupt} if it is not a valid manifest
   */
  public static Manifest read(InputStream in) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw ArchiveException.corrupt("manifest.json is not a JSON object");
      }
      Integer formatVersion = null;
      String cluster = null;
      String kubernetesVersion = null;
      Instant createdAt = null;
      String keyId = null;
      String backupNamespace = null;
      String backupName = null;
      BackupScope scope = null;
      int failuresTotal = 0;
      Map<String, Integer> counts = new LinkedHashMap<>();
      List<ManifestEntry> entries = new ArrayList<>();
      List<ObjectFailure> failures = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "formatVersion" -> formatVersion = p.getValueAsInt(-1);
          case "cluster" -> cluster = text(p);
          case "kubernetesVersion" -> kubernetesVersion = text(p);
          case "createdAt" -> createdAt = instant(text(p));
          case "keyId" -> keyId = text(p);
          case "failuresTotal" -> failuresTotal = p.getValueAsInt(0);
          case "backup" -> {
            JsonNode node = MAPPER.readTree(p);
            backupNamespace = nodeText(node, "namespace");
            backupName = nodeText(node, "name");
          }
          case "scope" -> scope = scope(MAPPER.readTree(p));
          case "countsByKind" -> {
            expect(value, JsonToken.START_OBJECT, "countsByKind");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String kind = p.currentName();
              p.nextToken();
              counts.put(kind, p.getValueAsInt(0));
            }
          }
          case "entries" -> {
            expect(value, JsonToken.START_ARRAY, "entries");
            while (p.nextToken() == JsonToken.START_OBJECT) {
              if (entries.size() >= MAX_ENTRIES) {
                throw ArchiveException.corrupt(
                    "manifest.json lists more than " + MAX_ENTRIES + " entries");
              }
              entries.add(entry(MAPPER.readTree(p), entries.size()));
            }
          }
          case "failures" -> {
            expect(value, JsonToken.START_ARRAY, "failures");
            while (p.nextToken() == JsonToken.START_OBJECT) {
              JsonNode node = MAPPER.readTree(p);
              if (failures.size() < Manifest.MAX_FAILURES) {
                failures.add(new ObjectFailure(ref(node, "failure"), nodeText(node, "reason")));
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      if (formatVersion == null || formatVersion < 1) {
        throw ArchiveException.corrupt("manifest.json has no formatVersion");
      }
      if (formatVersion > Manifest.FORMAT_VERSION) {
        throw ArchiveException.corrupt(
            "the archive has format version "
                + formatVersion
                + "; this Kubeward reads up to "
                + Manifest.FORMAT_VERSION);
      }
      if (cluster == null || kubernetesVersion == null || createdAt == null) {
        throw ArchiveException.corrupt(
            "manifest.json lacks cluster, kubernetesVersion or createdAt");
      }
      return new Manifest(
          formatVersion,
          cluster,
          kubernetesVersion,
          createdAt,
          keyId,
          counts,
          entries,
          failures,
          backupNamespace,
          backupName,
          scope,
          failuresTotal);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ArchiveException.corrupt("manifest.json is not valid JSON: " + e.getOriginalMessage());

    } catch (RuntimeException e) {
      if (e instanceof ArchiveException) {
        throw e;
      }
      throw ArchiveException.corrupt("manifest.json is not valid: " + e.getMessage());
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String field) {
    if (actual != expected) {
      throw ArchiveException.corrupt("manifest.json: " + field + " has the wrong type");
    }
  }

  private static @Nullable String text(JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
  }

  private static Instant instant(@Nullable String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw ArchiveException.corrupt("manifest.json: createdAt is not a date: " + text);
    }
  }

  private static @Nullable String nodeText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static ObjectRef ref(JsonNode node, String what) {
    String apiVersion = nodeText(node, "apiVersion");
    String kind = nodeText(node, "kind");
    String name = nodeText(node, "name");
    if (apiVersion == null || kind == null || name == null) {
      throw ArchiveException.corrupt(
          "manifest.json: a " + what + " lacks apiVersion, kind or name");
    }
    return new ObjectRef(apiVersion, kind, nodeText(node, "namespace"), name);
  }

  private static ManifestEntry entry(JsonNode node, int index) {
    String path = nodeText(node, "path");
    String sha = nodeText(node, "sha256");
    JsonNode size = node.get("size");
    if (path == null || sha == null || size == null || !size.canConvertToLong()) {
      throw ArchiveException.corrupt(
          "manifest.json: entry " + index + " lacks path, sha256 or size");
    }
    String unsafe = ArchivePaths.unsafe(path);
    if (unsafe != null || !path.startsWith(ArchivePaths.OBJECTS)) {
      throw ArchiveException.corrupt(
          "manifest.json: entry "
              + index
              + " has an unsafe path ("
              + (unsafe == null ? "outside objects/" : unsafe)
              + ")");
    }
    if (!SHA256.matcher(sha).matches()) {
      throw ArchiveException.corrupt("manifest.json: entry " + path + " has no valid sha256");
    }
    if (size.asLong() < 0) {
      throw ArchiveException.corrupt("manifest.json: entry " + path + " has a negative size");
    }
    JsonNode sealed = node.get("sealed");
    return new ManifestEntry(
        path, ref(node, "entry"), sha, size.asLong(), sealed != null && sealed.asBoolean());
  }

  private static BackupScope scope(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    return new BackupScope(
        strings(node.get("namespaces")),
        strings(node.get("excludedNamespaces")),
        strings(node.get("resources")),
        strings(node.get("excludedResources")),
        nodeText(node, "labelSelector"),
        bool(node.get("includeClusterResources")),
        bool(node.get("includeCustomResources")),
        bool(node.get("includeSecrets")));
  }

  private static List<String> strings(@Nullable JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static @Nullable Boolean bool(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asBoolean();
  }
}
