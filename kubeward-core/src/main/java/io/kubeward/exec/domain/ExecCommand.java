package io.kubeward.exec.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The command an exec session runs in the container: one of the {@link #SHELLS} the console offers,
 * or an explicit command from the API (bounded: at most {@value #MAX_ARGS} arguments and {@link
 * ExecLimits#maxCommandLength()} characters in all, no control characters).
 */
public record ExecCommand(List<String> argv) {

  /** The shells offered by the console, in the order it offers them. */
  public static final List<String> SHELLS = List.of("/bin/sh", "/bin/bash", "/bin/ash", "/bin/zsh");

  public static final int MAX_ARGS = 64;

  public ExecCommand {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("the command is empty");
    }
  }

  /**
   * @throws InvalidExecRequestException unless {@code shell} is one of {@link #SHELLS}
   */
  public static ExecCommand shell(String shell) {
    if (shell == null || !SHELLS.contains(shell)) {
      throw InvalidExecRequestException.of("shell", "must be one of " + String.join(", ", SHELLS));
    }
    return new ExecCommand(List.of(shell));
  }

  /**
   * @throws InvalidExecRequestException for an empty, too long or malformed command
   */
  public static ExecCommand explicit(List<String> argv, int maxLength) {
    if (argv == null || argv.isEmpty() || argv.getFirst() == null || argv.getFirst().isBlank()) {
      throw InvalidExecRequestException.of("command", "is empty");
    }
    if (argv.size() > MAX_ARGS) {
      throw InvalidExecRequestException.of("command", "has more than " + MAX_ARGS + " arguments");
    }
    int length = 0;
    for (String arg : argv) {
      if (arg == null) {
        throw InvalidExecRequestException.of("command", "has an empty argument");
      }
      for (int i = 0; i < arg.length(); i++) {
        char c = arg.charAt(i);
        if (c < 0x20 && c != '\t' || c == 0x7f) {
          throw InvalidExecRequestException.of("command", "contains a control character");
        }
      }
      length += arg.length();
    }
    if (length > maxLength) {
      throw InvalidExecRequestException.of(
          "command", "is longer than " + maxLength + " characters");
    }
    return new ExecCommand(argv);
  }

  /** The command as one line for the audit log and messages (arguments with spaces quoted). */
  public String display() {
    return argv.stream()
        .map(a -> a.isEmpty() || a.matches(".*[\\s'\"\\\\].*") ? quote(a) : a)
        .collect(Collectors.joining(" "));
  }

  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
