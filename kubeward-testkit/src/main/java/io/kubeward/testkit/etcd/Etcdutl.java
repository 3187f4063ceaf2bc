package io.kubeward.testkit.etcd;

import io.kubeward.testkit.controlplane.ControlPlaneException;
import io.kubeward.testkit.process.BuiltBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
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
    return new BuiltBinary("etcdutl", BINARY_PROPERTY, ENV, BUILD_SCRIPT).resolve();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
