package io.kubeward.alert.app.engine;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A label matcher of the alert list's {@code matcher} parameter, in Prometheus' syntax: {@code
 * name="value"}, {@code !=}, {@code =~}, {@code !~}; regular expressions are anchored. A missing
 * label is the empty string (as in Prometheus). Bounded: {@value #MAX_LENGTH} characters.
 */
public record LabelMatcher(String name, String op, String value, @Nullable Pattern pattern) {

  public static final int MAX_LENGTH = 1024;
  public static final int MAX_MATCHERS = 20;
  private static final Pattern SYNTAX =
      Pattern.compile("^\\s*([a-zA-Z_][a-zA-Z0-9_.\\-]*)\\s*(=~|!~|!=|=)\\s*\"(.*)\"\\s*$");

  /**
   * @throws IllegalArgumentException with the reason, if {@code text} is no matcher
   */
  public static LabelMatcher parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("at most " + MAX_LENGTH + " characters");
    }
    var m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("name=\"value\", name!=\"value\", =~ or !~");
    }
    String op = m.group(2);
    String value = m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
    Pattern pattern = null;
    if (op.equals("=~") || op.equals("!~")) {
      try {
        pattern = Pattern.compile("^(?:" + value + ")$");
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
      }
    }
    return new LabelMatcher(m.group(1), op, value, pattern);
  }

  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (op) {
      case "=" -> actual.equals(value);
      case "!=" -> !actual.equals(value);
      case "=~" -> pattern.matcher(actual).matches();
      default -> !pattern.matcher(actual).matches();
    };
  }
}
