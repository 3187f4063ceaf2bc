package io.kubeward.backup.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A syntax check of label selectors as kubectl writes them ({@code app=web,tier!=db}, {@code env in
 * (a,b)}, {@code !legacy}); the apiserver evaluates them. Pure.
 */
public final class LabelSelectors {

  private static final String KEY =
      "([a-z0-9A-Z.-]{1,253}/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]{0,61}[a-z0-9A-Z])?";
  private static final String VALUE = "([a-z0-9A-Z]([-a-z0-9A-Z_.]{0,61}[a-z0-9A-Z])?)?";
  private static final Pattern TERM =
      Pattern.compile(
          "\\s*(!?\\s*"
              + KEY
              + "|"
              + KEY
              + "\\s*(=|==|!=)\\s*"
              + VALUE
              + "|"
              + KEY
              + "\\s+(in|notin)\\s*\\(\\s*"
              + VALUE
              + "(\\s*,\\s*"
              + VALUE
              + ")*\\s*\\))\\s*");

  private LabelSelectors() {}

  /**
   * The selector's terms.
   *
   * @throws IllegalArgumentException with a sentence when a term is malformed
   */
  public static List<String> parse(String selector) {
    if (selector.length() > 1024) {
      throw new IllegalArgumentException("is longer than 1024 characters");
    }
    List<String> terms = new ArrayList<>();
    int depth = 0;
    StringBuilder term = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        terms.add(term.toString());
        term.setLength(0);
      } else {
        term.append(c);
      }
    }
    terms.add(term.toString());
    if (terms.size() == 1 && terms.get(0).isBlank()) {
      return List.of();
    }
    for (String t : terms) {
      if (!TERM.matcher(t).matches()) {
        throw new IllegalArgumentException("\"" + t.strip() + "\" is not a label requirement");
      }
    }
    return terms.stream().map(String::strip).toList();
  }
}
