package io.kubeward.helm.domain;

import io.kubeward.common.Names;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The bounds and shapes Kubeward accepts before anything reaches helm: every name, reference and
 * version is checked here, so that no value can be read by helm as a flag or a path it should not
 * touch. Pure.
 */
public final class HelmLimits {

  /** Helm's own limit on release names. */
  public static final int MAX_RELEASE_NAME = 53;

  /** The largest values document accepted (a release Secret holds at most 1 MiB in total). */
  public static final int MAX_VALUES_BYTES = 512 * 1024;

  /** The largest decoded release payload read from a Secret (a bomb guard for gzip). */
  public static final int MAX_RELEASE_BYTES = 32 * 1024 * 1024;

  /** Revisions are numbered from 1; Helm keeps at most a few thousand. */
  public static final int MAX_REVISION = 1_000_000;

  private static final Pattern RELEASE =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern CHART = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$");

  /** A version or a constraint (^1.2, ~1.2, >= 1.2, < 2, 1.2 - 1.4, 1.x): no shell or flag text. */
  private static final Pattern VERSION =
      Pattern.compile("^[A-Za-z0-9^~<>=*][A-Za-z0-9.+_~^<>=*,| -]{0,63}$");

  private static final Pattern OCI =
      Pattern.compile("^oci://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._-]+)+$");
  private static final int MAX_URL = 2048;

  private HelmLimits() {}

  /** A release name as helm accepts it: lower-case DNS labels joined by dots, at most 53. */
  public static String releaseName(String name) {
    if (name == null || name.isBlank()) {
      throw HelmException.invalid("a release name is required");
    }
    if (name.length() > MAX_RELEASE_NAME || !RELEASE.matcher(name).matches()) {
      throw HelmException.invalid(
          "release name \""
              + printable(name)
              + "\" must be at most 53 lower-case letters, digits, '-' and '.', starting and ending"
              + " with a letter or digit");
    }
    return name;
  }

  public static String namespace(String namespace) {
    if (namespace == null || !Names.isNamespace(namespace)) {
      throw HelmException.invalid("\"" + printable(namespace) + "\" is not a namespace name");
    }
    return namespace;
  }

  /** A chart's name in a repository (no path, no scheme). */
  public static String chartName(String chart) {
    if (chart == null || !CHART.matcher(chart).matches()) {
      throw HelmException.invalid(
          "chart \"" + printable(chart) + "\" must be a chart name (letters, digits, . _ -)");
    }
    return chart;
  }

  /** A version or version constraint, or {@code null} when none is given (the newest). */
  public static String versionOrNull(String version) {
    if (version == null || version.isBlank()) {
      return null;
    }
    if (!VERSION.matcher(version).matches() || version.contains("--")) {
      throw HelmException.invalid(
          "version \"" + printable(version) + "\" is not a chart version (e.g. 1.2.3)");
    }
    return version;
  }

  /** An http(s) chart repository URL without credentials. */
  public static String repositoryUrl(String url) {
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      throw HelmException.invalid("a chart repository URL (http or https) is required");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw HelmException.invalid("\"" + printable(url) + "\" is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw HelmException.invalid(
          "chart repository \"" + printable(url) + "\" must be an http or https URL");
    }
    if (uri.getUserInfo() != null) {
      throw HelmException.invalid("a chart repository URL must not hold credentials");
    }
    return url;
  }

  /** An {@code oci://} chart reference without a tag (the version is given apart). */
  public static String ociReference(String reference) {
    if (reference == null
        || reference.length() > MAX_URL
        || !OCI.matcher(reference).matches()
        || reference.contains("..")) {
      throw HelmException.invalid(
          "\"" + printable(reference) + "\" is not an OCI chart reference (oci://host/path/chart)");
    }
    return reference;
  }

  public static int revision(Integer revision) {
    if (revision == null || revision < 1 || revision > MAX_REVISION) {
      throw HelmException.invalid("revision must be between 1 and " + MAX_REVISION);
    }
    return revision;
  }

  /** The values document's size; its shape is checked by the use case's parser. */
  public static String valuesSize(String values) {
    if (values == null) {
      return "";
    }
    if (values.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_VALUES_BYTES) {
      throw HelmException.tooLarge("the values document", MAX_VALUES_BYTES);
    }
    return values;
  }

  /** A value as safe to echo in a message: bounded, control characters replaced. */
  public static String printable(String value) {
    if (value == null) {
      return "";
    }
    String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }
}
