package io.kubeward.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kubectl against a local control plane, for tests that compare Kubeward's view with kubectl's.
 * Prefers kubectl 1.33 from the Google Cloud SDK (within the version skew of the 1.34 apiserver),
 * else the one on the PATH. Output goes to files in {@code workDir}, so large answers never block
 * on a pipe.
 */
public final class Kubectl {

  private static final List<String> CANDIDATES =
      List.of(
          "/usr/lib/google-cloud-sdk/bin/kubectl.1.33",
          "/usr/local/bin/kubectl",
          "/usr/bin/kubectl");

  private final Path kubeconfig;
  private final Path workDir;
  private final Duration timeout;

  public Kubectl(Path kubeconfig, Path workDir) {
    this(kubeconfig, workDir, Duration.ofSeconds(30));
  }

  public Kubectl(Path kubeconfig, Path workDir, Duration timeout) {
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
    this.timeout = timeout;
  }

  /** The kubectl binary these tests use. */
  public static Path binary() {
    for (String candidate : CANDIDATES) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return Path.of("kubectl");
  }

  /**
   * Runs {@code kubectl --kubeconfig=… <args>} and answers its standard output; fails on exit ≠ 0.
   */
  public String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "kubectl-", ".out");
      Path err = Files.createTempFile(workDir, "kubectl-", ".err");
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "kubectl " + String.join(" ", args) + " did not finish in " + timeout);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            "kubectl "
                + String.join(" ", args)
                + " exited with "
                + process.exitValue()
                + ": "
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while kubectl ran", e);
    }
  }
}
