package io.kubeward.exec.domain;

/** A terminal's size in characters, as the resize channel carries it: 1–1000 × 1–1000. */
public record TerminalSize(int cols, int rows) {

  public static final int MAX = 1000;

  /**
   * @throws InvalidExecRequestException outside 1–1000
   */
  public TerminalSize {
    if (cols < 1 || cols > MAX || rows < 1 || rows > MAX) {
      throw InvalidExecRequestException.of("size", "must be 1 to " + MAX + " columns and rows");
    }
  }
}
