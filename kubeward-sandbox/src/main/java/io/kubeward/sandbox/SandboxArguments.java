package io.kubeward.sandbox;

import java.nio.file.Path;

/**
 * Parses {@code [--port N] [--nodes N] [--kubeconfig-out FILE] [--prometheus on|off]}, with a
 * sentence on bad input.
 */
final class SandboxArguments {

  static final String USAGE =
      "usage: sandbox [--port 8080] [--nodes 6] [--kubeconfig-out FILE] [--prometheus on|off]";

  private SandboxArguments() {}

  static Sandbox.Options parse(String... args) {
    int port = 8080;
    int nodes = 6;
    Path kubeconfig = Path.of(".kubeward", "sandbox.kubeconfig");
    boolean prometheus = true;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--port" -> port = number(option, value, 0, 65_535);
        case "--nodes" -> nodes = number(option, value, 1, 1_000);
        case "--kubeconfig-out" -> kubeconfig = Path.of(value);
        case "--prometheus" ->
            prometheus =
                switch (value) {
                  case "on" -> true;
                  case "off" -> false;
                  default ->
                      throw new IllegalArgumentException(
                          "--prometheus must be on or off, was '" + value + "'");
                };
        default -> throw new IllegalArgumentException("Unknown option " + option + "; " + USAGE);
      }
    }
    return new Sandbox.Options(port, nodes, kubeconfig, prometheus);
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw new IllegalArgumentException(
            option + " must be between " + min + " and " + max + ", was " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, was '" + value + "'");
    }
  }
}
