package io.kubeward.diagnostics.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule's stable identifier, {@code <area>.<name>} in lower-case kebab words ({@code
 * pod.crash-loop}, {@code service.no-endpoints}). It names the runbook ({@code
 * docs/runbooks/<id>.md}), the site-specific runbook text and stored findings: never rename one.
 */
public record RuleId(String value) implements Comparable<RuleId> {

  private static final Pattern FORMAT =
      Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

  public RuleId {
    Objects.requireNonNull(value, "value");
    if (value.length() > 63 || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a rule id (area.name in kebab case): " + value);
    }
  }

  public static RuleId of(String value) {
    return new RuleId(value);
  }

  /** Whether {@code value} is a well-formed rule id (for user input, before {@link #of}). */
  public static boolean isValid(String value) {
    return value != null && value.length() <= 63 && FORMAT.matcher(value).matches();
  }

  @Override
  public int compareTo(RuleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
