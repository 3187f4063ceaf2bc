package io.kubeward.logs.domain;

import org.jspecify.annotations.Nullable;

/**
 * One line of a container's log: the apiserver's RFC 3339 timestamp when asked for ({@code null}
 * otherwise), the text without its line break, {@code truncated} when it was longer than {@link
 * LogLimits#maxLineLength()}.
 */
public record LogLine(@Nullable String timestamp, String text, boolean truncated) {

  /**
   * One raw line as the apiserver sends it ({@code timestamps=true} puts the time and a space
   * first).
   */
  public static LogLine parse(String raw, boolean timestamps, int maxLength) {
    String ts = null;
    String text = raw;
    if (timestamps) {
      int space = raw.indexOf(' ');
      if (space > 0 && space <= 40 && Character.isDigit(raw.charAt(0))) {
        ts = raw.substring(0, space);
        text = raw.substring(space + 1);
      }
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    boolean truncated = text.length() > maxLength;
    if (truncated) {
      int end = maxLength;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      text = text.substring(0, end);
    }
    return new LogLine(ts, text, truncated);
  }
}
