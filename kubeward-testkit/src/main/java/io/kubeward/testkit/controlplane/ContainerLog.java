package io.kubeward.testkit.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A container's log file as a kubelet keeps it (the CRI format: {@code <RFC 3339 time> stdout F
 * <text>}), which KWOK's emulated kubelet serves for {@code kubectl logs}, following appends. Made
 * by {@link #create}, pointed at a pod with {@link KwokDebugging#logs}.
 */
public final class ContainerLog {

  private final Path file;

  private ContainerLog(Path file) {
    this.file = file;
  }

  /** An empty log at this file (created, or emptied if it exists). */
  public static ContainerLog create(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ContainerLog(file.toAbsolutePath());
  }

  public Path file() {
    return file;
  }

  /** Appends lines written to standard output now. */
  public ContainerLog append(String... lines) {
    Instant now = Instant.now();
    for (String line : lines) {
      append(now, "stdout", line);
    }
    return this;
  }

  /** Appends a line written to standard error now. */
  public ContainerLog appendStderr(String line) {
    return append(Instant.now(), "stderr", line);
  }

  /** Appends a line with the time the container wrote it (for since/timestamps tests). */
  public synchronized ContainerLog append(Instant at, String stream, String line) {
    if (line.contains("\n")) {
      throw new IllegalArgumentException("one line at a time: " + line);
    }
    String entry =
        DateTimeFormatter.ISO_INSTANT.format(at)
            + " "
            + stream
            + " F "
            + line
            + System.lineSeparator();
    try {
      Files.writeString(
          file, entry, StandardCharsets.UTF_8, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
