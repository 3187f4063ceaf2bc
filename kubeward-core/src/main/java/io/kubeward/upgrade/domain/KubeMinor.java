package io.kubeward.upgrade.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A Kubernetes minor release, e.g. 1.34 (from "v1.34.4", "1.34", "v1.34.4+k3s1"). */
public record KubeMinor(int major, int minor) implements Comparable<KubeMinor> {

  private static final Pattern VERSION = Pattern.compile("^v?(\\d{1,3})\\.(\\d{1,3})(?:[.+-].*)?$");

  public KubeMinor {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("negative version");
    }
  }

  /** The minor of a version text, or {@code null} when it is not one. */
  public static @Nullable KubeMinor parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    Matcher m = VERSION.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    return new KubeMinor(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public KubeMinor plus(int minors) {
    return new KubeMinor(major, minor + minors);
  }

  /** How many minors {@code this} is behind {@code other} (negative when newer). */
  public int behind(KubeMinor other) {
    if (major != other.major) {
      return (other.major - major) * 1000;
    }
    return other.minor - minor;
  }

  @Override
  public int compareTo(KubeMinor o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
