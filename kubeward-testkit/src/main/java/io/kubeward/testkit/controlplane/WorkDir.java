package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The control plane's temporary folder: data, certificates, kubeconfigs, logs, pid files. */
final class WorkDir {

  private WorkDir() {}

  static Path create() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    ProcessRegistry.reapOrphans(tmp);
    Path dir = Files.createTempDirectory(tmp, ProcessRegistry.WORK_DIR_PREFIX);
    Files.createDirectories(dir.resolve(ProcessRegistry.PIDS_DIR));
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(
        dir.resolve(ProcessRegistry.OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
    return dir;
  }

  static void delete(Path dir) throws IOException {
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
