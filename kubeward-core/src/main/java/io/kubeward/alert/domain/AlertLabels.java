package io.kubeward.alert.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The label names every alert carries and the fingerprint that identifies an alert by its labels
 * (as Alertmanager does: the same labels are the same alert).
 */
public final class AlertLabels {

  /** The rule's name (for a namespaced rule without its namespace). */
  public static final String ALERTNAME = "alertname";

  public static final String CLUSTER = "cluster";
  public static final String SEVERITY = "severity";

  /** {@link RuleKey#value()} of the rule that raised the alert. */
  public static final String RULE = "rule";

  public static final String NAMESPACE = "namespace";
  public static final String NODE = "node";
  public static final String POD = "pod";

  /** The kind and name of the object the alert is about, where it is about one. */
  public static final String KIND = "kind";

  public static final String NAME = "name";

  /** Annotation names; a {@code .zh-CN} suffix holds the 简体中文 text of the same annotation. */
  public static final String SUMMARY = "summary";

  public static final String DESCRIPTION = "description";
  public static final String RUNBOOK_URL = "runbook_url";
  public static final String ZH_SUFFIX = ".zh-CN";

  private AlertLabels() {}

  /** Labels sorted by name, unmodifiable. */
  public static SortedMap<String, String> sorted(Map<String, String> labels) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  /** 16 hex digits of SHA-256 over the labels sorted by name ({@code name=value} lines). */
  public static String fingerprint(Map<String, String> labels) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(labels).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
