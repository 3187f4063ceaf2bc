package io.kubeward.logs.app;

import io.kubeward.logs.domain.LogEvent;
import io.kubeward.logs.domain.LogLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one container's log line by line on a virtual thread of its own and hands it on in batches
 * (what is already there, at most {@link #BATCH} lines), so a long tail costs a few events rather
 * than thousands. Ends with {@link LogEvent.Ended} ({@code eof}) unless closed first.
 */
final class ContainerReader implements AutoCloseable {

  static final int BATCH = 500;

  private final String pod;
  private final String container;
  private final int colour;
  private final boolean timestamps;
  private final int maxLineLength;
  private final Consumer<LogEvent> sink;
  private final Runnable onLine;
  private final Runnable onEnd;
  private volatile InputStream body;
  private volatile boolean closed;
  private Thread thread;

  ContainerReader(
      String pod,
      String container,
      int colour,
      boolean timestamps,
      int maxLineLength,
      Consumer<LogEvent> sink,
      Runnable onLine,
      Runnable onEnd) {
    this.pod = pod;
    this.container = container;
    this.colour = colour;
    this.timestamps = timestamps;
    this.maxLineLength = maxLineLength;
    this.sink = sink;
    this.onLine = onLine;
    this.onEnd = onEnd;
  }

  /** Starts reading {@code in} (already opened). */
  synchronized ContainerReader start(InputStream in) {
    this.body = in;
    if (closed) {
      closeQuietly(in);
      return this;
    }
    thread = Thread.ofVirtual().name("kubeward-logs-" + pod + "-" + container).start(this::run);
    return this;
  }

  private void run() {
    String reason = "eof";
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024)) {
      List<LogLine> batch = new ArrayList<>();
      String raw;
      while (!closed && (raw = reader.readLine()) != null) {
        batch.add(LogLine.parse(raw, timestamps, maxLineLength));
        if (batch.size() >= BATCH || !reader.ready()) {
          sink.accept(new LogEvent.Lines(pod, container, colour, List.copyOf(batch)));
          batch.clear();
          onLine.run();
        }
      }
      if (!batch.isEmpty() && !closed) {
        sink.accept(new LogEvent.Lines(pod, container, colour, List.copyOf(batch)));
        onLine.run();
      }
    } catch (IOException e) {
      reason = "disconnected";
    }
    if (!closed) {
      sink.accept(new LogEvent.Ended(pod, container, reason, null, null));
    }
    onEnd.run();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (body != null) {
      closeQuietly(body);
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // closing a log being read: nothing to do
    }
  }
}
