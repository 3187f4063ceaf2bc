package io.kubeward.release.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The PromQL approval stamp of a Release (ADR 0035): PromQL reads every namespace's data (ADR
 * 0021), so the controller runs a namespaced Release's {@code promql} checks only when someone
 * allowed to query Prometheus created or replaced it through Kubeward. Kubeward then writes the
 * annotation {@value #ANNOTATION} = {@code v1.} + base64url(HMAC-SHA256(key, namespace, name, the
 * sorted distinct queries)), each part length-prefixed. Changing a query, or copying the stamp to
 * another Release, breaks it; everything else in the spec may change.
 *
 * <p>Pure: the key (a dedicated key derived from the server's credential key, never that key
 * itself) is given by the server's wiring.
 */
public final class PromqlApproval {

  public static final String ANNOTATION = "kubeward.io/promql-approval";

  private static final String VERSION = "v1.";
  private static final String ALGORITHM = "HmacSHA256";

  private final Supplier<byte[]> key;

  /**
   * @param key the HMAC key (at least 32 bytes), asked for on first use
   */
  public PromqlApproval(Supplier<byte[]> key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** A stamp with a fixed key (tests). */
  public static PromqlApproval withKey(byte[] key) {
    byte[] copy = key.clone();
    return new PromqlApproval(() -> copy);
  }

  /**
   * The canonical list of a spec's PromQL queries: the step analyses', the background analysis' and
   * the blue-green pre-promotion analysis', sorted and without repeats. Empty when it has none.
   */
  public static List<String> queries(@Nullable ReleaseSpec spec) {
    TreeSet<String> queries = new TreeSet<>();
    if (spec == null || spec.strategy() == null) {
      return List.of();
    }
    ReleaseSpec.CanaryStrategy canary = spec.strategy().canary();
    if (canary != null) {
      if (canary.steps() != null) {
        for (ReleaseSpec.CanaryStep step : canary.steps()) {
          if (step != null && step.analysis() != null) {
            add(queries, step.analysis().checks());
          }
        }
      }
      if (canary.analysis() != null) {
        add(queries, canary.analysis().checks());
      }
    }
    ReleaseSpec.BlueGreenStrategy blueGreen = spec.strategy().blueGreen();
    if (blueGreen != null && blueGreen.prePromotionAnalysis() != null) {
      add(queries, blueGreen.prePromotionAnalysis().checks());
    }
    return List.copyOf(queries);
  }

  /** Whether the spec has {@code promql} checks (then it needs a stamp). */
  public static boolean needsApproval(@Nullable ReleaseSpec spec) {
    return !queries(spec).isEmpty();
  }

  private static void add(TreeSet<String> queries, @Nullable List<AnalysisCheck> checks) {
    if (checks == null) {
      return;
    }
    for (AnalysisCheck check : checks) {
      if (check != null && check.promql() != null) {
        queries.add(check.promql().query() == null ? "" : check.promql().query());
      }
    }
  }

  /** The stamp of a Release's spec (of its {@link #queries}). */
  public String stamp(String namespace, String name, @Nullable ReleaseSpec spec) {
    return stamp(namespace, name, queries(spec));
  }

  /** Whether {@code stamp} is the stamp of this Release's spec's {@link #queries}. */
  public boolean verifies(
      String namespace, String name, @Nullable ReleaseSpec spec, @Nullable String stamp) {
    return verifies(namespace, name, queries(spec), stamp);
  }

  /** The stamp of a Release's queries (sorted and without repeats here). */
  public String stamp(String namespace, String name, List<String> queries) {
    return VERSION
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(hmac(key.get(), message(namespace, name, queries)));
  }

  /** Whether {@code stamp} is this Release's stamp of exactly these queries (constant time). */
  public boolean verifies(
      String namespace, String name, List<String> queries, @Nullable String stamp) {
    if (stamp == null || !stamp.startsWith(VERSION)) {
      return false;
    }
    return MessageDigest.isEqual(
        stamp(namespace, name, queries).getBytes(StandardCharsets.US_ASCII),
        stamp.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** HMAC-SHA256 of {@code data} with {@code key}. */
  public static byte[] hmac(byte[] key, byte[] data) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("the HMAC key must have at least 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 failed", e);
    }
  }

  /** namespace, name, count and queries, each length-prefixed (no two inputs give one message). */
  static byte[] message(String namespace, String name, List<String> queries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> parts = new ArrayList<>();
    parts.add("kubeward.io/promql-approval/v1");
    parts.add(namespace);
    parts.add(name);
    List<String> canonical = List.copyOf(new TreeSet<>(queries));
    parts.add(Integer.toString(canonical.size()));
    parts.addAll(canonical);
    for (String part : parts) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      int n = bytes.length;
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
