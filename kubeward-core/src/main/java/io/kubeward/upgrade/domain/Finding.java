package io.kubeward.upgrade.domain;

import java.util.List;

/**
 * One piece of evidence of a step: a verdict, a message code ({@code upgrade.finding.<code>} in the
 * message bundles, rendered with {@code args}) and what it is about.
 */
public record Finding(Status status, String code, String subject, List<String> args) {

  public Finding {
    args = List.copyOf(args);
  }

  public static Finding of(Status status, String code, String subject, Object... args) {
    return new Finding(
        status, code, subject, java.util.Arrays.stream(args).map(String::valueOf).toList());
  }
}
