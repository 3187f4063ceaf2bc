package io.kubeward.server.rbac;

import io.kubeward.testkit.Kubectl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl auth can-i} as the admin, impersonating: its answer is its exit code (0 yes, 1
 * no), which {@link Kubectl#run} treats as a failure, hence this small runner.
 */
final class KubectlCanI {

  private final Path kubeconfig;
  private final Path workDir;

  KubectlCanI(Path kubeconfig, Path workDir) {
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
  }

  /** {@code kubectl auth can-i <args>}: true for yes, false for no; fails on anything else. */
  boolean canI(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Kubectl.binary().toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("auth");
    command.add("can-i");
    command.addAll(args);
    try {
      Path out = Files.createTempFile(workDir, "can-i-", ".out");
      Path err = Files.createTempFile(workDir, "can-i-", ".err");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + args + " did not finish in 30s");
      }
      String answer = Files.readString(out, StandardCharsets.UTF_8).trim();
      int exit = process.exitValue();
      if (exit == 0 && answer.startsWith("yes")) {
        return true;
      }
      if (exit == 1 && answer.startsWith("no")) {
        return false;
      }
      throw new AssertionError(
          "kubectl auth can-i "
              + args
              + " exited "
              + exit
              + " with '"
              + answer
              + "': "
              + Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
