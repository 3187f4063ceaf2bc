package io.kubeward.alert.app.rule;

import io.kubeward.alert.domain.rule.RuleProblem;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An alert rule the validator refuses; nothing was written. The problem answer lists each field and
 * what is wrong with it ({@code problems}).
 */
public final class InvalidAlertRuleException extends KubewardException {

  public static final String CODE = "alert-rule.invalid";

  private final List<RuleProblem> problems;

  public InvalidAlertRuleException(List<RuleProblem> problems) {
    super(CODE, ErrorKind.INVALID, summary(problems), properties(problems));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }

  private static String summary(List<RuleProblem> problems) {
    return problems.stream().map(RuleProblem::toString).collect(Collectors.joining("; "));
  }

  private static Map<String, Object> properties(List<RuleProblem> problems) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("summary", summary(problems));
    p.put(
        "problems",
        problems.stream().map(x -> Map.of("field", x.field(), "message", x.message())).toList());
    return p;
  }
}
