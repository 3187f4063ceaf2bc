package io.kubeward.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tool the tests build from its Go module into the cache (Alertmanager, versitygw, etcdutl): the
 * binary named by a system property or an environment variable (what {@code bin/test} passes), else
 * the one the checkout's build script prints on its last line (a no-op when it is cached).
 *
 * @param name the tool, for messages
 * @param property the system property naming the binary
 * @param environment the environment variable naming the binary
 * @param buildScript the build script, relative to the checkout's root
 */
public record BuiltBinary(String name, String property, String environment, String buildScript) {

  /** The binary's path; builds it when neither the property nor the variable names one. */
  public Path resolve() {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    if (value != null && !value.isBlank()) {
      Path binary = Path.of(value);
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(property + "=" + value + " is not executable");
      }
      return binary;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve(buildScript);
      if (Files.isRegularFile(script)) {
        return build(script);
      }
    }
    throw new IllegalStateException(
        "No "
            + name
            + " binary: set -D"
            + property
            + " or run from a Kubeward checkout so that "
            + buildScript
            + " can build it");
  }

  private Path build(Path script) {
    try {
      Process build =
          new ProcessBuilder("bash", script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (build.waitFor() != 0) {
        throw new IllegalStateException(script + " failed with exit code " + build.exitValue());
      }
      List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
      if (lines.isEmpty()) {
        throw new IllegalStateException(script + " printed no binary");
      }
      return Path.of(lines.getLast().strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building " + name, e);
    }
  }
}
