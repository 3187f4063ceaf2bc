package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no control-plane process outlives its JVM: a shutdown hook kills the live ones (normal
 * exit, Ctrl-C, SIGTERM), and processes left by a JVM that was killed outright are reaped by the
 * next start, found through the pid files in work folders whose owner is gone. Other launchers of
 * the testkit ({@code LocalPrometheus}) register their processes here too.
 */
public final class ProcessRegistry {

  private static final Logger log = LoggerFactory.getLogger(ProcessRegistry.class);
  static final String WORK_DIR_PREFIX = "kubeward-controlplane-";
  static final String OWNER_FILE = "owner.pid";
  public static final String PIDS_DIR = "pids";

  private static final Set<Process> live = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(ProcessRegistry::killAll, "kubeward-controlplane-reaper"));
  }

  private ProcessRegistry() {}

  /** Kills {@code process} and its descendants when the JVM exits, unless unregistered first. */
  public static void register(Process process) {
    live.add(process);
  }

  public static void unregister(Process process) {
    live.remove(process);
  }

  private static void killAll() {
    for (Process process : live) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /** Kills processes recorded in work folders under {@code tmp} whose owning JVM has died. */
  static void reapOrphans(Path tmp) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, WORK_DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        if (!ownerAlive(dir)) {
          reap(dir);
        }
      }
    } catch (IOException e) {
      log.debug("Could not look for orphaned control planes in {}: {}", tmp, e.toString());
    }
  }

  private static boolean ownerAlive(Path dir) {
    try {
      long owner = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
      return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return true; // not (yet) a complete work folder: leave it alone
    }
  }

  private static void reap(Path dir) throws IOException {
    Path pids = dir.resolve(PIDS_DIR);
    if (Files.isDirectory(pids)) {
      try (Stream<Path> files = Files.list(pids)) {
        files.forEach(file -> killIfOurs(file, dir));
      }
    }
    log.info("Removed the leftovers of a control plane whose JVM died: {}", dir);
    WorkDir.delete(dir);
  }

  /** Kills the recorded pid only if its command line still mentions the work folder. */
  private static void killIfOurs(Path pidFile, Path dir) {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid)
          .filter(
              handle ->
                  handle.info().arguments().stream()
                      .flatMap(Stream::of)
                      .anyMatch(arg -> arg.contains(dir.toString())))
          .ifPresent(
              handle -> {
                log.info("Killing orphaned {} (pid {})", pidFile.getFileName(), pid);
                handle.destroyForcibly();
              });
    } catch (IOException | NumberFormatException e) {
      log.debug("Unreadable pid file {}: {}", pidFile, e.toString());
    }
  }
}
