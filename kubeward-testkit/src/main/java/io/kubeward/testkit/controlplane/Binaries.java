package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Finds the folder that holds the control-plane binaries built by build-controlplane.sh. */
public final class Binaries {

  public static final String PROPERTY = "kubeward.controlplane.bin";
  public static final String ENV = "KUBEWARD_CONTROLPLANE_BIN";
  static final String BUILD_SCRIPT = "kubeward-testkit/go/build-controlplane.sh";

  private Binaries() {}

  /**
   * The binary folder from the system property {@value #PROPERTY}, the environment variable {@value
   * #ENV}, or else by running the build script of the enclosing checkout (a no-op when cached).
   */
  public static Path locate() {
    Path dir =
        configured()
            .orElseGet(
                () ->
                    checkoutScript(BUILD_SCRIPT)
                        .orElseThrow(
                            () ->
                                new ControlPlaneException(
                                    "No control-plane binaries: set -D"
                                        + PROPERTY
                                        + " or "
                                        + ENV
                                        + ", or run from a Kubeward checkout so that "
                                        + BUILD_SCRIPT
                                        + " can build them")));
    return verify(dir);
  }

  /** Checks that every required component's binary is present and executable. */
  public static Path verify(Path dir) {
    List<String> missing =
        Arrays.stream(Component.values())
            .filter(Component::required)
            .map(Component::binary)
            .filter(name -> !Files.isExecutable(dir.resolve(name)))
            .toList();
    if (!missing.isEmpty()) {
      throw new ControlPlaneException(
          "Control-plane binaries missing in " + dir + ": " + String.join(", ", missing));
    }
    return dir;
  }

  /**
   * Checks that an optional component's binary (metrics-server) is in {@code dir}; the message says
   * how to get it (folders built before it existed lack it).
   */
  public static Path verifyOptional(Path dir, Component component) {
    Path binary = dir.resolve(component.binary());
    if (!Files.isExecutable(binary)) {
      throw new ControlPlaneException(
          component
              + " is missing in "
              + dir
              + ": run "
              + BUILD_SCRIPT
              + " again (it builds "
              + component
              + " into its own cache folder, keyed by version, and links it there) and pass the"
              + " folder it prints with -D"
              + PROPERTY);
    }
    return binary;
  }

  private static Optional<Path> configured() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENV);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
  }

  /**
   * Runs {@code script} (a path relative to the root of a Kubeward checkout, found from the working
   * directory upwards) and answers the path it prints on its last line of stdout; empty outside a
   * checkout. The Go-built tools' scripts (control plane, Alertmanager, the Gateway API CRDs) are
   * no-ops when their cache folder already holds the result.
   */
  public static Optional<Path> checkoutScript(String script) {
    return findScript(Path.of("").toAbsolutePath(), script).map(Binaries::runBuildScript);
  }

  private static Optional<Path> findScript(Path from, String relative) {
    for (Path dir = from; dir != null; dir = dir.getParent()) {
      Path script = dir.resolve(relative);
      if (Files.isRegularFile(script)) {
        return Optional.of(script);
      }
    }
    return Optional.empty();
  }

  private static Path runBuildScript(Path script) {
    try {
      Process process =
          new ProcessBuilder("bash", script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = process.waitFor();
      if (code != 0) {
        throw new ControlPlaneException(script + " failed with exit code " + code);
      }
      List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
      if (lines.isEmpty()) {
        throw new ControlPlaneException(script + " printed no path");
      }
      return Path.of(lines.getLast().trim());
    } catch (IOException e) {
      throw new ControlPlaneException("Cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("Interrupted while running " + script, e);
    }
  }
}
