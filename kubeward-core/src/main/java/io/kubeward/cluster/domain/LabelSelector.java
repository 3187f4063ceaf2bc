package io.kubeward.cluster.domain;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.kubeward.common.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector: the one parser and matcher of Kubeward. It is read from the string
 * syntax of {@code kubectl -l} ({@link #parse}: comma-separated requirements {@code key=value},
 * {@code key==value}, {@code key!=value}, {@code key in (a,b)}, {@code key notin (a,b)}, {@code
 * key} (exists) and {@code !key} (does not exist)) or from the structured form of Kubernetes
 * objects ({@link #of}: {@code matchLabels} and {@code matchExpressions} with {@code In}, {@code
 * NotIn}, {@code Exists}, {@code DoesNotExist}; {@link #from} for fabric8's model), and written
 * back to that form for a list request ({@link #toFabric8}). Keys and values are validated as
 * Kubernetes does (qualified names, 63-character values): {@link Names}.
 */
public record LabelSelector(List<Requirement> requirements) {

  public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

  public enum Operator {
    EQUALS,
    NOT_EQUALS,
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST;

    /**
     * The operator of a {@code matchExpressions} entry ({@code In}, {@code NotIn}, {@code Exists},
     * {@code DoesNotExist}).
     *
     * @throws InvalidSelectorException for any other name
     */
    public static Operator ofExpression(String name) {
      return switch (name == null ? "" : name) {
        case "In" -> IN;
        case "NotIn" -> NOT_IN;
        case "Exists" -> EXISTS;
        case "DoesNotExist" -> DOES_NOT_EXIST;
        default ->
            throw new InvalidSelectorException(
                "unknown operator \"" + name + "\" (In, NotIn, Exists, DoesNotExist)", 0);
      };
    }

    /** Whether a requirement with this operator carries values ({@code In}, {@code =}, ...). */
    public boolean takesValues() {
      return this != EXISTS && this != DOES_NOT_EXIST;
    }
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

  /**
   * A selector that cannot be parsed; {@code position} is the 1-based character position of the
   * string syntax, 0 for the structured form.
   */
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

  /**
   * The structured form of Kubernetes objects: every {@code matchLabels} pair and every {@code
   * matchExpressions} entry must hold; both empty selects everything.
   *
   * @param expressions key, operator ({@code In}, {@code NotIn}, {@code Exists}, {@code
   *     DoesNotExist}) and values of each expression
   * @throws InvalidSelectorException naming the first invalid key, value, operator or value count
   */
  public static LabelSelector of(
      Map<String, String> matchLabels, Collection<? extends Expression> expressions) {
    List<Requirement> requirements = new ArrayList<>();
    if (matchLabels != null) {
      matchLabels.forEach(
          (key, value) -> {
            requireValid("label key", key, Names.labelKeyProblem(key));
            requireValid("label value", value, Names.labelValueProblem(value));
            requirements.add(new Requirement(key, Operator.EQUALS, Set.of(value)));
          });
    }
    if (expressions != null) {
      for (Expression expression : expressions) {
        String key = expression.key();
        requireValid("label key", key, Names.labelKeyProblem(key));
        Operator operator = Operator.ofExpression(expression.operator());
        List<String> values = expression.values() == null ? List.of() : expression.values();
        if (operator.takesValues() == values.isEmpty()) {
          throw new InvalidSelectorException(
              "label selector "
                  + expression.operator()
                  + (operator.takesValues() ? " needs values" : " takes no values")
                  + " for "
                  + key,
              0);
        }
        for (String value : values) {
          requireValid("label value", value, Names.labelValueProblem(value));
        }
        requirements.add(new Requirement(key, operator, Set.copyOf(values)));
      }
    }
    return requirements.isEmpty() ? EVERYTHING : new LabelSelector(List.copyOf(requirements));
  }

  /** One {@code matchExpressions} entry in the structured form. */
  public interface Expression {
    String key();

    String operator();

    List<String> values();
  }

  /**
   * A selector of fabric8's model (e.g. a PodDisruptionBudget's); {@code null} fields are empty.
   */
  public static LabelSelector from(io.fabric8.kubernetes.api.model.LabelSelector selector) {
    if (selector == null) {
      return EVERYTHING;
    }
    List<Expression> expressions = new ArrayList<>();
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        expressions.add(new FabricExpression(r));
      }
    }
    return of(selector.getMatchLabels(), expressions);
  }

  private record FabricExpression(LabelSelectorRequirement requirement) implements Expression {
    @Override
    public String key() {
      return requirement.getKey();
    }

    @Override
    public String operator() {
      return requirement.getOperator();
    }

    @Override
    public List<String> values() {
      return requirement.getValues();
    }
  }

  /**
   * This selector in fabric8's model, for a list request: equality in {@code matchLabels}, the rest
   * as {@code matchExpressions} ({@code key!=v} as {@code NotIn [v]}, which selects the same).
   */
  public io.fabric8.kubernetes.api.model.LabelSelector toFabric8() {
    Map<String, String> matchLabels = new LinkedHashMap<>();
    List<LabelSelectorRequirement> expressions = new ArrayList<>();
    for (Requirement r : requirements) {
      String operator =
          switch (r.operator()) {
            case EQUALS -> null;
            case IN -> "In";
            case NOT_EQUALS, NOT_IN -> "NotIn";
            case EXISTS -> "Exists";
            case DOES_NOT_EXIST -> "DoesNotExist";
          };
      if (operator == null && !matchLabels.containsKey(r.key())) {
        matchLabels.put(r.key(), r.values().iterator().next());
      } else {
        expressions.add(
            new LabelSelectorRequirement(
                r.key(),
                operator == null ? "In" : operator,
                r.values().isEmpty() ? null : r.values().stream().sorted().toList()));
      }
    }
    return new LabelSelectorBuilder()
        .withMatchLabels(matchLabels.isEmpty() ? null : matchLabels)
        .withMatchExpressions(expressions)
        .build();
  }

  private static void requireValid(String what, String text, String problem) {
    if (problem != null) {
      throw new InvalidSelectorException("invalid " + what + " '" + text + "': " + problem, 0);
    }
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
      String problem = Names.labelValueProblem(value);
      if (problem != null) {
        pos = start;
        throw error("invalid label value '" + value + "': " + problem);
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
