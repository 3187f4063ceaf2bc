package io.kubeward.alert.domain.routing;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.List;

/**
 * A policy document or silence that cannot be used (400), with every problem found; nothing was
 * saved.
 */
public final class InvalidRoutingException extends KubewardException {

  public static final String POLICY = "alerting.invalid-policy";
  public static final String SILENCE = "alerting.invalid-silence";
  public static final String MATCHER = "alerting.invalid-matcher";

  private final List<String> problems;

  private InvalidRoutingException(String code, String what, List<String> problems) {
    super(
        code,
        ErrorKind.INVALID,
        what + ": " + String.join("; ", problems),
        props("problems", String.join("; ", problems)));
    this.problems = List.copyOf(problems);
  }

  public static InvalidRoutingException policy(List<String> problems) {
    return new InvalidRoutingException(POLICY, "Invalid notification policy", problems);
  }

  public static InvalidRoutingException silence(List<String> problems) {
    return new InvalidRoutingException(SILENCE, "Invalid silence", problems);
  }

  public static InvalidRoutingException matchers(List<String> problems) {
    return new InvalidRoutingException(MATCHER, "Invalid matchers", problems);
  }

  public List<String> problems() {
    return problems;
  }
}
