package io.kubeward.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a CLI run talks to: its output, input, environment, configuration file and clock. {@link
 * #system()} is the real one; tests pass their own to run {@link KubewardCli#run} in-process.
 *
 * @param password reads a password without echo, {@code null} when there is no terminal
 */
public record CliContext(
    PrintWriter out,
    PrintWriter err,
    BufferedReader in,
    Map<String, String> environment,
    Path configFile,
    Supplier<char[]> password,
    Clock clock) {

  /** The process's streams and environment, {@code ~/.config/kubeward/cli.json}. */
  public static CliContext system() {
    Console console = System.console();
    Map<String, String> environment = System.getenv();
    return new CliContext(
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        environment,
        defaultConfigFile(environment, Path.of(System.getProperty("user.home"))),
        console == null ? null : () -> console.readPassword(),
        Clock.systemDefaultZone());
  }

  /** {@code $KUBEWARD_CONFIG}, else {@code $XDG_CONFIG_HOME/kubeward/cli.json}, else under home. */
  static Path defaultConfigFile(Map<String, String> environment, Path home) {
    String explicit = environment.get("KUBEWARD_CONFIG");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    return base.resolve("kubeward").resolve("cli.json");
  }

  public Messages messages() {
    return new Messages(Messages.localeOf(environment));
  }
}
