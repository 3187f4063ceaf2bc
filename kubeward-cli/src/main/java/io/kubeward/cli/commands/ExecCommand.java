package io.kubeward.cli.commands;

import io.kubeward.cli.CliException;
import io.kubeward.cli.ExitCode;
import io.kubeward.cli.KubewardClient;
import io.kubeward.cli.Tunnel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kubeward exec POD [-c CONTAINER] [-i] -- COMMAND...}: runs a command in a pod's container
 * through Kubeward (audited; the cluster decides {@code pods/exec} for the user), without a
 * terminal: the command's stdout and stderr are printed, {@code -i} sends this process's standard
 * input, and the exit code is the command's (2 when Kubeward or the cluster refused).
 */
@Command(
    name = "exec",
    description = "Run a command in a pod's container through Kubeward (no terminal).")
public final class ExecCommand extends ApiCommand {

  @Parameters(index = "0", paramLabel = "POD", description = "The pod.")
  String pod;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "COMMAND",
      description = "The command and its arguments (after --).")
  List<String> command;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description = "The pod's namespace (default: default).")
  String namespace = "default";

  @Option(
      names = {"-c", "--container"},
      paramLabel = "CONTAINER",
      description = "The container (default: the pod's default container).")
  String container;

  @Option(
      names = {"-i", "--stdin"},
      description = "Send standard input to the command.")
  boolean stdin;

  @Override
  public Integer call() throws Exception {
    StringBuilder path =
        new StringBuilder(
            clusterPath(
                "/namespaces/"
                    + KubewardClient.segment(namespace)
                    + "/pods/"
                    + KubewardClient.segment(pod)
                    + "/exec?"));
    if (container != null) {
      path.append("container=").append(KubewardClient.query(container)).append('&');
    }
    for (String arg : command) {
      path.append("command=").append(KubewardClient.query(arg)).append('&');
    }
    path.setLength(path.length() - 1);
    Tunnel tunnel = client().tunnel(path.toString());
    tunnel.onStdout(System.out).onStderr(System.err);
    try {
      tunnel.opened().get(60, TimeUnit.SECONDS);
      if (stdin) {
        Thread.ofVirtual().start(() -> pumpStdin(tunnel, System.in));
      } else {
        tunnel.send(Tunnel.EOF, new byte[0], 0, 0);
      }
    } catch (Exception notOpened) {
      // the end says why
    }
    Tunnel.End end = tunnel.ended().get();
    if (end.problem() != null) {
      throw new CliException(ExitCode.REFUSED, end.problem().sentence(messages()));
    }
    if (end.exitCode() == null) {
      throw new CliException(ExitCode.NOT_SUCCEEDED, messages().get("exec.no-exit-code"));
    }
    return end.exitCode();
  }

  private static void pumpStdin(Tunnel tunnel, InputStream in) {
    byte[] buffer = new byte[PortForwardCommand.CHUNK];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        tunnel.send(Tunnel.STDIN, buffer, 0, n);
      }
      tunnel.send(Tunnel.EOF, buffer, 0, 0);
    } catch (IOException | RuntimeException gone) {
      // the session ended
    }
  }
}
