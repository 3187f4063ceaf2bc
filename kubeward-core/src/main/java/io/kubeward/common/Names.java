package io.kubeward.common;

import java.util.regex.Pattern;

/**
 * Every name rule of Kubeward, once: Kubernetes object names, namespaces, label and annotation keys
 * and values (as the apiserver validates them), Kubeward's cluster names and user names. A name
 * that breaks its rule names nothing that exists, so callers refuse it before any request is sent.
 */
public final class Names {

  /** The longest DNS label (a namespace, a name part of a label key, a label value). */
  public static final int MAX_LABEL = 63;

  /** The longest DNS subdomain (an object name, a label key prefix). */
  public static final int MAX_SUBDOMAIN = 253;

  /** The longest Kubeward user name. */
  public static final int MAX_USERNAME = 64;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,252}");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

  private Names() {}

  /** An object name of most kinds, nodes and NodeMaintenances included: a DNS subdomain. */
  public static boolean isObjectName(String name) {
    return name != null && name.length() <= MAX_SUBDOMAIN && DNS_SUBDOMAIN.matcher(name).matches();
  }

  /** A namespace name: a DNS label. */
  public static boolean isNamespace(String name) {
    return name != null && name.length() <= MAX_LABEL && DNS_LABEL.matcher(name).matches();
  }

  /**
   * The name of a cluster as Kubeward knows it (from the configuration or a kubeconfig context): a
   * letter or digit, then letters, digits and {@code . _ @ : -}, at most 253.
   */
  public static boolean isClusterName(String name) {
    return name != null && CLUSTER.matcher(name).matches();
  }

  /** The name of a cluster added at runtime: a DNS label (lower-case, digits, '-', ≤ 63). */
  public static boolean isNewClusterName(String name) {
    return isNamespace(name);
  }

  /** A Kubeward user name: 1 to 64 of lower-case letters, digits and {@code . _ @ -}. */
  public static boolean isUsername(String name) {
    return name != null && USERNAME.matcher(name).matches();
  }

  /**
   * Why {@code key} is no valid label (or annotation, taint) key, or {@code null} if it is one: an
   * optional DNS-subdomain prefix and {@code /}, then a name of 1 to 63 characters, alphanumeric at
   * both ends, with {@code - _ .} between.
   */
  public static String labelKeyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return "the key is empty";
    }
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > MAX_SUBDOMAIN) {
        return "the prefix must have 1 to " + MAX_SUBDOMAIN + " characters";
      }
      if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "the prefix must be a DNS subdomain (lower-case letters, digits, '-' and '.')";
      }
    }
    if (name.isEmpty() || name.length() > MAX_LABEL) {
      return "the name must have 1 to " + MAX_LABEL + " characters";
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      return "the name must start and end with a letter or digit and contain only letters,"
          + " digits, '-', '_' and '.'";
    }
    return null;
  }

  /** Why {@code value} is no valid label value, or {@code null} if it is one (empty is valid). */
  public static String labelValueProblem(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > MAX_LABEL) {
      return "the value must have at most " + MAX_LABEL + " characters";
    }
    if (!QUALIFIED_NAME.matcher(value).matches()) {
      return "the value must start and end with a letter or digit and contain only letters,"
          + " digits, '-', '_' and '.'";
    }
    return null;
  }
}
