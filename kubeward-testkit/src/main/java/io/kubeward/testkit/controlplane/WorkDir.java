package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder of a control plane (or another testkit launcher): data, certificates,
 * kubeconfigs, logs, and pid files under {@code pids/} from which processes left by a JVM killed
 * outright are reaped at the next {@link #create()}.
 */
public final class WorkDir {

  private WorkDir() {}

  public static Path create() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    ProcessRegistry.reapOrphans(tmp);
    Path dir = Files.createTempDirectory(tmp, ProcessRegistry.WORK_DIR_PREFIX);
    Files.createDirectories(dir.resolve(ProcessRegistry.PIDS_DIR));
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(
        dir.resolve(ProcessRegistry.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
    return dir;
  }

  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
