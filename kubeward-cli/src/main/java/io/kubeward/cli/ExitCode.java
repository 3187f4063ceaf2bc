package io.kubeward.cli;

/** The CLI's exit codes, documented in docs/CLI.md. */
public final class ExitCode {
  /** Done as asked. */
  public static final int OK = 0;

  /** Wrong arguments, missing configuration, a change not confirmed. */
  public static final int USAGE = 1;

  /** Kubeward refused the request or failed (a problem+json answer). */
  public static final int REFUSED = 2;

  /** Kubeward could not be reached. */
  public static final int UNREACHABLE = 3;

  /** A drain or maintenance that was followed ended without success. */
  public static final int NOT_SUCCEEDED = 4;

  /** The CLI itself failed (a bug): one sentence, no stack trace. */
  public static final int INTERNAL = 5;

  /** No metrics source answers in the cluster ({@code kubeward top}): the sentence says why. */
  public static final int NO_METRICS = 6;

  // --- issue 15 workloads ---
  /** {@code rollout status --watch --timeout}: the rollout was neither done nor stuck in time. */
  public static final int TIMED_OUT = 7;

  private ExitCode() {}
}
