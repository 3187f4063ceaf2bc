package io.kubeward.access.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The digest of an object's spec that an {@link io.kubeward.access.domain.IdentityStamp} covers:
 * SHA-256 (hex) of its canonical JSON — keys sorted, {@code null} members left out — so the typed
 * record the API wrote and the raw map the controller reads give one digest.
 */
public final class SpecDigest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private SpecDigest() {}

  /** The digest of {@code spec} (a record, a map, or a Jackson tree); of {@code {}} for null. */
  public static String of(@Nullable Object spec) {
    JsonNode tree = spec == null ? null : SERIALIZATION.convertValue(spec, JsonNode.class);
    StringBuilder canonical = new StringBuilder();
    write(tree, canonical);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(@Nullable JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append(node == null ? "{}" : "null");
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!field.getValue().isNull()) {
          sorted.put(field.getKey(), field.getValue());
        }
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        out.append(quoted(field.getKey())).append(':');
        write(field.getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      out.append(quoted(node.asText()));
    } else if (node.isNumber()) {
      out.append(node.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      out.append(node.asText());
    }
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
