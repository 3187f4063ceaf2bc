package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code -o json}: the server's JSON as it came, for scripts; else a table. */
public final class OutputOption {

  /** The formats. */
  public enum Format {
    table,
    json
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default) or json.")
  Format format = Format.table;

  /** Prints {@code json} and answers true when JSON output was asked for. */
  public boolean printedJson(PrintWriter out, JsonNode json) {
    if (format != Format.json) {
      return false;
    }
    out.println(Json.pretty(json));
    out.flush();
    return true;
  }
}
