package io.kubeward.release.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.release.domain.ReleaseProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Release the validator refuses; nothing was written. {@code problems}: field and message. */
public final class InvalidReleaseException extends KubewardException {

  public static final String CODE = "release.invalid";

  private final List<ReleaseProblem> problems;

  public InvalidReleaseException(List<ReleaseProblem> problems) {
    super(CODE, ErrorKind.INVALID, summary(problems), properties(problems));
    this.problems = List.copyOf(problems);
  }

  public List<ReleaseProblem> problems() {
    return problems;
  }

  private static String summary(List<ReleaseProblem> problems) {
    return problems.stream().map(ReleaseProblem::toString).collect(Collectors.joining("; "));
  }

  private static Map<String, Object> properties(List<ReleaseProblem> problems) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("summary", summary(problems));
    p.put(
        "problems",
        problems.stream().map(x -> Map.of("field", x.field(), "message", x.message())).toList());
    return p;
  }
}
