package io.kubeward.backup.app.restore;

import io.kubeward.backup.domain.restore.RestoreProblem;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.List;
import java.util.stream.Collectors;

/** 400 {@code restore.invalid}: the spec's problems. */
public final class InvalidRestoreException extends KubewardException {

  public static final String CODE = "restore.invalid";

  private final List<RestoreProblem> problems;

  public InvalidRestoreException(List<RestoreProblem> problems) {
    super(
        CODE,
        ErrorKind.INVALID,
        "invalid Restore: " + describe(problems),
        props("problems", describe(problems)));
    this.problems = List.copyOf(problems);
  }

  public List<RestoreProblem> problems() {
    return problems;
  }

  private static String describe(List<RestoreProblem> problems) {
    return problems.stream()
        .map(p -> p.field() + " " + p.message())
        .collect(Collectors.joining("; "));
  }
}
