package io.kubeward.alert.domain.routing;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One label matcher in Prometheus' syntax: {@code name="value"}, {@code name!="value"}, {@code
 * name=~"regex"}, {@code name!~"regex"}. A label an alert does not carry has the empty value (as in
 * Alertmanager); a regular expression is anchored at both ends. Names, values and expressions are
 * bounded ({@link #MAX_NAME}, {@link #MAX_VALUE}, {@link #MAX_REGEX}).
 */
public final class LabelMatcher {

  public static final int MAX_NAME = 128;
  public static final int MAX_VALUE = 1024;
  public static final int MAX_REGEX = 256;

  /** The four operators. */
  public enum Op {
    EQUAL("="),
    NOT_EQUAL("!="),
    REGEX("=~"),
    NOT_REGEX("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean regex() {
      return this == REGEX || this == NOT_REGEX;
    }

    public static Op ofSymbol(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException("unknown operator " + symbol);
    }
  }

  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.\\-]*");

  private final String name;
  private final Op op;
  private final String value;
  private final @Nullable Pattern pattern;

  private LabelMatcher(String name, Op op, String value, @Nullable Pattern pattern) {
    this.name = name;
    this.op = op;
    this.value = value;
    this.pattern = pattern;
  }

  /**
   * @throws IllegalArgumentException with the reason if the name, value or expression is invalid
   */
  public static LabelMatcher of(String name, Op op, String value) {
    Objects.requireNonNull(op, "op");
    if (name == null || name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "\""
              + abbreviate(name)
              + "\" is not a label name (letters, digits, _ . -; at most "
              + MAX_NAME
              + ")");
    }
    if (value == null) {
      value = "";
    }
    if (value.length() > (op.regex() ? MAX_REGEX : MAX_VALUE)) {
      throw new IllegalArgumentException(
          "the value of "
              + name
              + " is longer than "
              + (op.regex() ? MAX_REGEX + " characters (regular expression)" : MAX_VALUE));
    }
    Pattern pattern = null;
    if (op.regex()) {
      try {
        pattern = Pattern.compile("^(?:" + value + ")$", Pattern.DOTALL);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "the regular expression of " + name + " is invalid: " + e.getDescription());
      }
    }
    return new LabelMatcher(name, op, value, pattern);
  }

  /**
   * Parses {@code name="value"} (also {@code !=}, {@code =~}, {@code !~}); the value is a quoted
   * string with {@code \"} and {@code \\} escapes, or unquoted without spaces.
   *
   * @throws IllegalArgumentException with the reason if it is not a matcher
   */
  public static LabelMatcher parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty matcher");
    }
    if (text.length() > MAX_NAME + MAX_VALUE + 8) {
      throw new IllegalArgumentException("matcher too long: " + abbreviate(text));
    }
    String t = text.strip();
    int i = 0;
    while (i < t.length() && "=!~".indexOf(t.charAt(i)) < 0) {
      i++;
    }
    if (i == t.length()) {
      throw new IllegalArgumentException(
          "\"" + abbreviate(text) + "\" is not a matcher such as name=\"value\"");
    }
    String name = t.substring(0, i).strip();
    String rest = t.substring(i);
    Op op;
    if (rest.startsWith("=~")) {
      op = Op.REGEX;
    } else if (rest.startsWith("!~")) {
      op = Op.NOT_REGEX;
    } else if (rest.startsWith("!=")) {
      op = Op.NOT_EQUAL;
    } else if (rest.startsWith("=")) {
      op = Op.EQUAL;
    } else {
      throw new IllegalArgumentException(
          "\"" + abbreviate(text) + "\" has no operator (=, !=, =~, !~)");
    }
    String raw = rest.substring(op.symbol().length()).strip();
    return of(name, op, unquote(raw, text));
  }

  private static String unquote(String raw, String text) {
    if (!raw.startsWith("\"")) {
      if (raw.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')) {
        throw new IllegalArgumentException(
            "the value in \"" + abbreviate(text) + "\" must be quoted");
      }
      return raw;
    }
    StringBuilder out = new StringBuilder();
    for (int j = 1; j < raw.length(); j++) {
      char c = raw.charAt(j);
      if (c == '\\' && j + 1 < raw.length()) {
        char next = raw.charAt(++j);
        switch (next) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          default -> out.append(next);
        }
      } else if (c == '"') {
        if (j != raw.length() - 1) {
          throw new IllegalArgumentException(
              "\"" + abbreviate(text) + "\" has text after the closing quote");
        }
        return out.toString();
      } else {
        out.append(c);
      }
    }
    throw new IllegalArgumentException("\"" + abbreviate(text) + "\" lacks a closing quote");
  }

  public String name() {
    return name;
  }

  public Op op() {
    return op;
  }

  public String value() {
    return value;
  }

  /** Whether the labels satisfy this matcher (a missing label has the empty value). */
  public boolean matches(Map<String, String> labels) {
    String actual = labels.getOrDefault(name, "");
    return switch (op) {
      case EQUAL -> actual.equals(value);
      case NOT_EQUAL -> !actual.equals(value);
      case REGEX -> pattern.matcher(actual).matches();
      case NOT_REGEX -> !pattern.matcher(actual).matches();
    };
  }

  /** Whether all matchers are satisfied (none: always). */
  public static boolean all(Iterable<LabelMatcher> matchers, Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** The Prometheus form, {@code name="value"} with {@code \} and {@code "} escaped. */
  @Override
  public String toString() {
    return name
        + op.symbol()
        + '"'
        + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        + '"';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMatcher m
        && m.name.equals(name)
        && m.op == op
        && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, op, value);
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
