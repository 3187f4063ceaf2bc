package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.CliConfig;
import io.kubeward.cli.CliContext;
import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardCli;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a signed-in Kubeward: the server and token come from {@code
 * KUBEWARD_SERVER}/{@code KUBEWARD_TOKEN}, else from the file {@code kubeward login} wrote; the
 * cluster from {@code --cluster}, {@code KUBEWARD_CLUSTER}, the file, else the server's default.
 */
public abstract class ApiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description =
          "The cluster (default: KUBEWARD_CLUSTER, the login's, else the server's default).")
  String clusterOption;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  private KubewardClient client;
  private String cluster;

  protected CliContext context() {
    return ((KubewardCli) spec.root().userObject()).context();
  }

  protected Messages messages() {
    return context().messages();
  }

  protected PrintWriter out() {
    return context().out();
  }

  protected KubewardClient client() {
    if (client == null) {
      CliConfig config = CliConfig.load(context().configFile(), messages());
      String server = firstOf(context().environment().get("KUBEWARD_SERVER"), config.server());
      String token = firstOf(context().environment().get("KUBEWARD_TOKEN"), config.token());
      if (server == null || token == null) {
        throw new CliException(ExitCode.USAGE, messages().get("config.not-signed-in"));
      }
      client =
          new KubewardClient(server, token, messages())
              .withStreamIdle(
                  streamIdle(context().environment().get("KUBEWARD_STREAM_IDLE_SECONDS")));
    }
    return client;
  }

  /** {@code KUBEWARD_STREAM_IDLE_SECONDS} (1 to 3600), else the default 45 s. */
  private Duration streamIdle(String seconds) {
    if (seconds == null || seconds.isBlank()) {
      return KubewardClient.DEFAULT_STREAM_IDLE;
    }
    try {
      long value = Long.parseLong(seconds.trim());
      if (value >= 1 && value <= 3600) {
        return Duration.ofSeconds(value);
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new CliException(ExitCode.USAGE, messages().get("config.bad-stream-idle", seconds));
  }

  /** The cluster the command works on. */
  protected String cluster() {
    if (cluster == null) {
      CliConfig config = CliConfig.load(context().configFile(), messages());
      cluster =
          firstOf(clusterOption, context().environment().get("KUBEWARD_CLUSTER"), config.cluster());
      if (cluster == null) {
        JsonNode clusters = client().get("/api/v1/clusters");
        if (!clusters.isArray() || clusters.isEmpty()) {
          throw new CliException(ExitCode.REFUSED, messages().get("cluster.none"));
        }
        cluster = Json.text(clusters.get(0), "name");
      }
    }
    return cluster;
  }

  /** {@code /api/v1/clusters/{cluster}} followed by {@code rest}. */
  protected String clusterPath(String rest) {
    return "/api/v1/clusters/" + KubewardClient.segment(cluster()) + rest;
  }

  protected CliException usage(String key, Object... arguments) {
    return new CliException(ExitCode.USAGE, messages().get(key, arguments));
  }

  private static String firstOf(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
