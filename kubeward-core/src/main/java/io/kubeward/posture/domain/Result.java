package io.kubeward.posture.domain;

/**
 * One check on one subject: passed, or failed with a short English detail naming what failed (e.g.
 * the container). Scores are computed from results, so an exception recorded after a scan counts at
 * once.
 */
public record Result(Check check, Subject subject, boolean passed, String detail) {

  public static Result pass(Check check, Subject subject) {
    return new Result(check, subject, true, null);
  }

  public static Result fail(Check check, Subject subject, String detail) {
    return new Result(check, subject, false, detail);
  }

  public static Result of(Check check, Subject subject, String failureDetail) {
    return failureDetail == null ? pass(check, subject) : fail(check, subject, failureDetail);
  }
}
