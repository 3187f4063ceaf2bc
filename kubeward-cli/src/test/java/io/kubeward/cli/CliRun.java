package io.kubeward.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in this JVM with captured output, given input, environment and config file. */
public record CliRun(int exitCode, String out, String err) {

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC);

  public static CliRun run(
      Path configFile, Map<String, String> environment, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new BufferedReader(new StringReader(stdin)),
            environment,
            configFile,
            null,
            CLOCK);
    int code = KubewardCli.run(args, context);
    return new CliRun(code, out.toString(), err.toString());
  }
}
