package io.kubeward.helm.kube;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubeward.helm.domain.HelmException;
import io.kubeward.helm.domain.HelmHook;
import io.kubeward.helm.domain.HelmLimits;
import io.kubeward.helm.domain.HelmRelease;
import io.kubeward.helm.domain.HelmReleaseDetail;
import io.kubeward.resource.app.ObjectCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Decodes the payload of a Helm release Secret ({@code type: helm.sh/release.v1}, key {@code
 * release}): Helm stores the release as base64 of gzipped JSON, and the Secret's data encodes that
 * once more. The decompressed size is bounded ({@link HelmLimits#MAX_RELEASE_BYTES}), so a crafted
 * Secret cannot exhaust memory.
 */
public final class ReleasePayload {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectCodec codec;
  private final int maxBytes;

  public ReleasePayload(ObjectCodec codec) {
    this(codec, HelmLimits.MAX_RELEASE_BYTES);
  }

  ReleasePayload(ObjectCodec codec, int maxBytes) {
    this.codec = codec;
    this.maxBytes = maxBytes;
  }

  /**
   * @param secretName for messages
   * @param data the Secret's {@code data.release} value as the API returns it (base64)
   */
  public HelmReleaseDetail decode(String secretName, String data) {
    if (data == null || data.isBlank()) {
      throw HelmException.unreadable(secretName, "it holds no release");
    }
    byte[] json;
    try {
      byte[] helmEncoded = Base64.getDecoder().decode(data.strip());
      byte[] compressed = Base64.getDecoder().decode(helmEncoded);
      json = startsWithGzip(compressed) ? gunzip(compressed) : compressed;
    } catch (IllegalArgumentException e) {
      throw HelmException.unreadable(secretName, "not base64");
    } catch (IOException e) {
      throw HelmException.unreadable(secretName, "not gzip: " + e.getMessage());
    }
    try {
      return detail(JSON.readTree(json));
    } catch (IOException e) {
      throw HelmException.unreadable(secretName, "not a release (JSON)");
    }
  }

  private byte[] gunzip(byte[] compressed) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      int read;
      while ((read = in.read(buffer)) > 0) {
        total += read;
        if (total > maxBytes) {
          throw HelmException.tooLarge("a decoded release", maxBytes);
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  private static boolean startsWithGzip(byte[] bytes) {
    return bytes.length > 2 && bytes[0] == GZIP_MAGIC[0] && bytes[1] == GZIP_MAGIC[1];
  }

  private HelmReleaseDetail detail(JsonNode root) {
    JsonNode info = root.path("info");
    JsonNode metadata = root.path("chart").path("metadata");
    HelmRelease release =
        new HelmRelease(
            root.path("name").asText(),
            root.path("namespace").asText(),
            root.path("version").asInt(),
            info.path("status").asText("unknown"),
            metadata.path("name").asText(""),
            metadata.path("version").asText(""),
            metadata.path("appVersion").asText(""),
            info.path("last_deployed").asText(""),
            info.path("description").asText(""));
    Map<String, Object> values =
        root.path("config").isObject()
            ? JSON.convertValue(root.path("config"), MAP)
            : new LinkedHashMap<>();
    return new HelmReleaseDetail(
        release,
        values,
        values.isEmpty() ? "" : codec.toYaml(values),
        root.path("manifest").asText(""),
        info.path("notes").asText(""),
        hooks(root.path("hooks")));
  }

  private static List<HelmHook> hooks(JsonNode hooks) {
    List<HelmHook> result = new ArrayList<>();
    for (JsonNode hook : hooks) {
      List<String> events = new ArrayList<>();
      hook.path("events").forEach(e -> events.add(e.asText()));
      JsonNode lastRun = hook.path("last_run");
      String phase = lastRun.path("phase").asText("");
      result.add(
          new HelmHook(
              hook.path("name").asText(),
              hook.path("kind").asText(),
              hook.path("path").asText(),
              events,
              phase.isEmpty() ? "Unknown" : phase,
              lastRun.path("started_at").asText(""),
              lastRun.path("completed_at").asText("")));
    }
    return result;
  }
}
