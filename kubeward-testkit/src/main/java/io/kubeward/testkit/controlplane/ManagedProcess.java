package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One component's operating-system process, with its log file; stopped with its descendants. */
final class ManagedProcess {

  private static final int TAIL_LINES = 25;

  private final Component component;
  private final List<String> command;
  private final Path logFile;
  private final Path pidFile;
  private Process process;

  ManagedProcess(Component component, List<String> command, Path logFile, Path pidFile) {
    this.component = component;
    this.command = List.copyOf(command);
    this.logFile = logFile;
    this.pidFile = pidFile;
  }

  Component component() {
    return component;
  }

  Path logFile() {
    return logFile;
  }

  void start() {
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      ProcessRegistry.register(process);
      Files.writeString(pidFile, Long.toString(process.pid()));
    } catch (IOException e) {
      throw new ControlPlaneException(
          component + " could not be started (" + command.getFirst() + "): " + e.getMessage(), e);
    }
  }

  long pid() {
    if (process == null) {
      throw new IllegalStateException(component + " is not running");
    }
    return process.pid();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The exit code when the process has ended, else -1. */
  int exitCode() {
    return process != null && !process.isAlive() ? process.exitValue() : -1;
  }

  /**
   * SIGTERM to the process and its descendants, SIGKILL to whatever is left after {@code grace};
   * returns once all of them are gone (or {@code grace} more has passed after the SIGKILL).
   */
  void stop(Duration grace) {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    List<ProcessHandle> survivors = awaitExit(tree, grace);
    survivors.forEach(ProcessHandle::destroyForcibly);
    awaitExit(survivors, grace);
    ProcessRegistry.unregister(process);
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException ignored) {
      // the work folder is removed with everything else on close
    }
  }

  /** Waits until the processes have exited or {@code timeout} has passed; the ones still alive. */
  private static List<ProcessHandle> awaitExit(List<ProcessHandle> handles, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle handle : handles) {
      try {
        handle.onExit().get(Math.max(deadline - System.nanoTime(), 1), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception timedOut) {
        // still alive: reported below
      }
    }
    return handles.stream().filter(ProcessHandle::isAlive).toList();
  }

  /** The last lines of the component's log, for error messages. */
  String logTail() {
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long length = file.length();
      long from = Math.max(0, length - 16_384);
      byte[] bytes = new byte[(int) (length - from)];
      file.seek(from);
      file.readFully(bytes);
      List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** A message that names the component, says what went wrong and quotes its log. */
  String failure(String what) {
    return component + " " + what + "; last lines of its log:\n" + logTail();
  }
}
