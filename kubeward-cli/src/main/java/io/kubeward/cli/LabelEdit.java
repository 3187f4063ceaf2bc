package io.kubeward.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Label changes written as kubectl writes them: {@code key=value} sets, {@code key-} removes. The
 * server validates keys and values ({@code node.invalid-label}); this only reads the expressions.
 */
public record LabelEdit(String key, String value) {

  public boolean removes() {
    return value == null;
  }

  /** The changes, or {@link IllegalArgumentException} with the expression that is none. */
  public static List<LabelEdit> parse(List<String> expressions) {
    List<LabelEdit> edits = new ArrayList<>();
    for (String expression : expressions) {
      int equals = expression.indexOf('=');
      if (equals < 0 && expression.endsWith("-") && expression.length() > 1) {
        edits.add(new LabelEdit(expression.substring(0, expression.length() - 1), null));
      } else if (equals > 0) {
        edits.add(new LabelEdit(expression.substring(0, equals), expression.substring(equals + 1)));
      } else {
        throw new IllegalArgumentException(expression);
      }
    }
    return edits;
  }

  /** The labels after the changes, in the current order with new keys at the end. */
  public static Map<String, String> apply(Map<String, String> current, List<LabelEdit> edits) {
    Map<String, String> desired = new LinkedHashMap<>(current);
    for (LabelEdit edit : edits) {
      if (edit.removes()) {
        desired.remove(edit.key());
      } else {
        desired.put(edit.key(), edit.value());
      }
    }
    return desired;
  }
}
