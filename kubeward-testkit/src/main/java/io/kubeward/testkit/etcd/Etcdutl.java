package io.kubeward.testkit.etcd;

import io.kubeward.testkit.controlplane.ControlPlaneException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * etcdutl, built from the same etcd version as the local control plane ({@code
 * kubeward-testkit/go/etcdutl/go.mod}, by {@code build-etcdutl.sh} into the cache): restores a
 * snapshot into a fresh data directory that {@link
 * io.kubeward.testkit.controlplane.ControlPlaneOptions.Builder#etcdData} starts on — the restore
 * procedure of docs/ETCD-RESTORE.md.
 */
public final class Etcdutl {

  public static final String BINARY_PROPERTY = "kubeward.etcdutl.bin";
  public static final String ENV = "KUBEWARD_ETCDUTL_BIN";
  static final String BUILD_SCRIPT = "kubeward-testkit/go/build-etcdutl.sh";

  /** The member name of the control plane's etcd (its {@code --name}). */
  public static final String MEMBER = "kubeward";

  private static final long TIMEOUT_SECONDS = 300;

  private final Path binary;

  public Etcdutl(Path binary) {
    this.binary = binary;
  }

  /** etcdutl from {@value #BINARY_PROPERTY} / {@value #ENV}, else built by the script (cached). */
  public static Etcdutl locate() {
    return new Etcdutl(binary());
  }

  /**
   * {@code etcdutl snapshot restore <snapshot> --data-dir <dataDir>} as the member {@value #MEMBER}
   * with a loopback peer URL; {@code dataDir} must not exist yet. Returns etcdutl's output.
   */
  public String restore(Path snapshot, Path dataDir) {
    String peer = "http://127.0.0.1:" + freePort();
    return run(
        "snapshot",
        "restore",
        snapshot.toString(),
        "--data-dir=" + dataDir,
        "--name=" + MEMBER,
        "--initial-cluster=" + MEMBER + "=" + peer,
        "--initial-advertise-peer-urls=" + peer);
  }

  /** {@code etcdutl snapshot status <snapshot> -w json}: hash, revision, total keys, size. */
  public String status(Path snapshot) {
    return run("snapshot", "status", snapshot.toString(), "--write-out=json");
  }

  public String version() {
    return run("version");
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ControlPlaneException("etcdutl did not finish within " + TIMEOUT_SECONDS + " s");
      }
      String text = new String(output, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new ControlPlaneException(
            String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ControlPlaneException("interrupted while running etcdutl", e);
    }
  }

  static Path binary() {
    String value = System.getProperty(BINARY_PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENV);
    }
    if (value != null && !value.isBlank()) {
      Path binary = Path.of(value);
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(BINARY_PROPERTY + "=" + value + " is not executable");
      }
      return binary;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve(BUILD_SCRIPT);
      if (Files.isRegularFile(script)) {
        return runBuildScript(script);
      }
    }
    throw new IllegalStateException(
        "No etcdutl binary: set -D"
            + BINARY_PROPERTY
            + " or run from a Kubeward checkout so that "
            + BUILD_SCRIPT
            + " can build it");
  }

  private static Path runBuildScript(Path script) {
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
      throw new IllegalStateException("interrupted while building etcdutl", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
