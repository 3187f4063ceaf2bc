package io.kubeward.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubeward.cli.CliException;
import io.kubeward.cli.Durations;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.Json;
import io.kubeward.cli.KubewardClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward rollout status KIND/NAME [-n NS] [--watch] [--timeout D]}: a workload's rollout
 * as {@code kubectl rollout status} reports it, plus why it does not progress (the new revision's
 * pods that are not ready, with their problem and diagnostics findings). Exit code 0 when complete,
 * 4 when stuck or failed, 7 when {@code --timeout} passed first. (At merge it becomes {@code
 * kubeward rollout status}.)
 */
@Command(
    name = "status",
    description =
        "Show a workload's rollout (deployment/NAME, statefulset/NAME, daemonset/NAME, ...) and why"
            + " it does not progress; --watch follows it until it completes, is stuck or fails.")
public final class RolloutStatusCommand extends ApiCommand {

  @Parameters(paramLabel = "KIND/NAME", description = "e.g. deployment/web or statefulsets/db")
  String target;

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace (default: default).")
  String namespace;

  @Option(
      names = {"-w", "--watch"},
      description = "Follow the rollout until it completes, is stuck or fails.")
  boolean watch;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "With --watch: give up after this long (e.g. 5m; default: no limit).")
  String timeout;

  @Override
  public Integer call() {
    String[] parts = WorkloadCommand.split(target, messages());
    String path =
        clusterPath(WorkloadCommand.workloadPath(namespace, parts[0], parts[1])) + "/rollout";
    if (!watch) {
      JsonNode status = client().get(path);
      String line = RolloutText.line(messages(), status);
      out().println(line);
      RolloutText.printNotReady(out(), messages(), status);
      return exitCode(status, false);
    }
    Instant deadline = null;
    if (timeout != null) {
      try {
        deadline = context().clock().instant().plus(Durations.parse(timeout));
      } catch (IllegalArgumentException e) {
        throw usage("rollout.bad-timeout", timeout);
      }
    }
    AtomicReference<JsonNode> last = new AtomicReference<>();
    AtomicReference<String> lastLine = new AtomicReference<>();
    Thread follower =
        Thread.ofVirtual()
            .name("kubeward-rollout-follow")
            .start(() -> follow(path, last, lastLine));
    try {
      if (deadline == null) {
        follower.join();
      } else {
        Duration left = Duration.between(context().clock().instant(), deadline);
        if (!left.isNegative()) {
          follower.join(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (follower.isAlive()) {
      follower.interrupt();
      out().println(messages().get("rollout.timed-out", target, timeout));
      return ExitCode.TIMED_OUT;
    }
    JsonNode status = last.get();
    if (status == null) {
      throw new CliException(ExitCode.REFUSED, messages().get("rollout.no-status", target));
    }
    RolloutText.printNotReady(out(), messages(), status);
    return exitCode(status, true);
  }

  /**
   * Follows the stream, printing each new line; when the stream ends without a settled status (a
   * restarted server, a silent connection) it reads the status again and follows anew.
   */
  private void follow(String path, AtomicReference<JsonNode> last, AtomicReference<String> line) {
    KubewardClient client = client();
    while (!Thread.currentThread().isInterrupted()) {
      JsonNode status = client.get(path);
      if (show(status, last, line)) {
        return;
      }
      client.stream(
          path + "/stream",
          event -> {
            if (!"rollout".equals(event.name())) {
              return !"deleted".equals(event.name());
            }
            JsonNode next;
            try {
              next = Json.MAPPER.readTree(event.data());
            } catch (java.io.IOException e) {
              return true;
            }
            return !show(next, last, line);
          });
      if (settledOrStuck(last.get())) {
        return;
      }
    }
  }

  /** Prints the status's line when it changed; answers whether following should stop. */
  private boolean show(
      JsonNode status, AtomicReference<JsonNode> last, AtomicReference<String> line) {
    last.set(status);
    String text = RolloutText.line(messages(), status);
    if (!text.equals(line.get())) {
      out().println(text);
      out().flush();
      line.set(text);
    }
    return settledOrStuck(status);
  }

  private static boolean settledOrStuck(JsonNode status) {
    if (status == null) {
      return false;
    }
    String phase = Json.text(status, "phase");
    return "COMPLETE".equals(phase) || "FAILED".equals(phase) || "STUCK".equals(phase);
  }

  private static int exitCode(JsonNode status, boolean watching) {
    String phase = Json.text(status, "phase");
    return switch (phase == null ? "" : phase) {
      case "STUCK", "FAILED" -> ExitCode.NOT_SUCCEEDED;
      default -> ExitCode.OK;
    };
  }
}
