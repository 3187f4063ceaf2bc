package io.kubeward.cluster.domain;

import io.kubeward.common.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector in the string syntax of {@code kubectl -l}: comma-separated
 * requirements {@code key=value}, {@code key==value}, {@code key!=value}, {@code key in (a,b)},
 * {@code key notin (a,b)}, {@code key} (exists) and {@code !key} (does not exist). Keys and values
 * are validated as Kubernetes does (qualified names, 63-character values).
 */
public record LabelSelector(List<Requirement> requirements) {

  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST
  }

  /** One requirement; {@code values} is empty for EXISTS / DOES_NOT_EXIST. */
  public record Requirement(String key, Operator operator, Set<String> values) {

    public boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case EQUALS, IN -> value != null && values.contains(value);
        case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
      };
    }
  }

  /** A selector that cannot be parsed; {@code position} is the 1-based character position. */
  public static final class InvalidSelectorException extends IllegalArgumentException {
    private final int position;

    InvalidSelectorException(String message, int position) {
      super(message);
      this.position = position;
    }

    public int position() {
      return position;
    }
  }

  public boolean matches(Map<String, String> labels) {
    for (Requirement requirement : requirements) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  public boolean isEmpty() {
    return requirements.isEmpty();
  }

  /** Parses {@code text}; {@code null} or blank selects everything. */
  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return EVERYTHING;
    }
    return new Parser(text).parse();
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    LabelSelector parse() {
      List<Requirement> requirements = new ArrayList<>();
      while (true) {
        skipSpaces();
        requirements.add(requirement());
        skipSpaces();
        if (pos >= text.length()) {
          return new LabelSelector(List.copyOf(requirements));
        }
        expect(',');
      }
    }

    private Requirement requirement() {
      if (peek() == '!') {
        pos++;
        skipSpaces();
        String key = key();
        return new Requirement(key, Operator.DOES_NOT_EXIST, Set.of());
      }
      String key = key();
      skipSpaces();
      if (pos >= text.length() || peek() == ',') {
        return new Requirement(key, Operator.EXISTS, Set.of());
      }
      if (text.startsWith("==", pos)) {
        pos += 2;
        return new Requirement(key, Operator.EQUALS, Set.of(value()));
      }
      if (text.startsWith("!=", pos)) {
        pos += 2;
        return new Requirement(key, Operator.NOT_EQUALS, Set.of(value()));
      }
      if (peek() == '=') {
        pos++;
        return new Requirement(key, Operator.EQUALS, Set.of(value()));
      }
      String word = word();
      if (word.equals("in") || word.equals("notin")) {
        Set<String> values = valueSet();
        return new Requirement(key, word.equals("in") ? Operator.IN : Operator.NOT_IN, values);
      }
      throw error("expected =, ==, !=, in or notin after '" + key + "'");
    }

    private Set<String> valueSet() {
      skipSpaces();
      expect('(');
      List<String> values = new ArrayList<>();
      while (true) {
        values.add(value());
        skipSpaces();
        if (peek() == ')') {
          pos++;
          break;
        }
        expect(',');
      }
      return Set.copyOf(values);
    }

    private String key() {
      int start = pos;
      while (pos < text.length() && isKeyChar(text.charAt(pos))) {
        pos++;
      }
      String key = text.substring(start, pos);
      if (key.isEmpty()) {
        throw error("expected a label key");
      }
      validateKey(key, start);
      return key;
    }

    private String value() {
      skipSpaces();
      int start = pos;
      while (pos < text.length() && isKeyChar(text.charAt(pos)) && text.charAt(pos) != '/') {
        pos++;
      }
      String value = text.substring(start, pos);
      if (Names.labelValueProblem(value) != null) {
        pos = start;
        throw error(
            "invalid label value '"
                + value
                + "': at most 63 characters, alphanumeric at both ends, '-', '_' or '.' between");
      }
      return value;
    }

    private String word() {
      int start = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected an operator");
      }
      return text.substring(start, pos);
    }

    private void validateKey(String key, int start) {
      String problem = Names.labelKeyProblem(key);
      if (problem != null) {
        pos = start;
        throw error("invalid label key '" + key + "': " + problem);
      }
    }

    private static boolean isKeyChar(char c) {
      return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/';
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpaces() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private InvalidSelectorException error(String message) {
      return new InvalidSelectorException(message + " at position " + (pos + 1), pos + 1);
    }
  }
}
