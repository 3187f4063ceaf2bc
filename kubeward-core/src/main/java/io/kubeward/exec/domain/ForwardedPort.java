package io.kubeward.exec.domain;

/** A pod port to forward to: 1–65535. */
public record ForwardedPort(int value) {

  /**
   * @throws InvalidExecRequestException outside 1–65535
   */
  public ForwardedPort {
    if (value < 1 || value > 65535) {
      throw InvalidExecRequestException.of("port", "must be between 1 and 65535");
    }
  }
}
