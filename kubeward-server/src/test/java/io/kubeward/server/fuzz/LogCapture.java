package io.kubeward.server.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects the log events at ERROR, or with a stack trace at WARN and above, of the server running
 * in this JVM, while open: a request answered with a 4xx, or a client that went away, must leave
 * none.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> debug = new CopyOnWriteArrayList<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  public static LogCapture open() {
    LogCapture capture = new LogCapture();
    capture.setName("kubeward-test-capture");
    capture.start();
    capture.root.addAppender(capture);
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.INFO)) {
      debug.add(event.getLoggerName() + ": " + event.getFormattedMessage());
    }
    boolean error = event.getLevel().isGreaterOrEqual(Level.ERROR);
    boolean traced =
        event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null;
    if (error || traced) {
      events.add(
          event.getLevel()
              + " "
              + event.getLoggerName()
              + ": "
              + event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : " — "
                      + event.getThrowableProxy().getClassName()
                      + ": "
                      + event.getThrowableProxy().getMessage()));
    }
  }

  /** What was logged below INFO (by loggers set to DEBUG for a test). */
  public List<String> debug() {
    return List.copyOf(debug);
  }

  /** What was logged at ERROR (or with a stack trace) since the start. */
  public List<String> problems() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
