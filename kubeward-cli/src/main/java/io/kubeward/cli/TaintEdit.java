package io.kubeward.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Taint changes written as kubectl writes them: {@code key=value:Effect} or {@code key:Effect} adds
 * (replacing the value of a taint with the same key and effect), {@code key:Effect-} removes that
 * taint, {@code key-} removes every taint with the key. The server validates keys, values and
 * effects ({@code node.invalid-taint}); this only reads the expressions.
 *
 * @param effect {@code null} only for {@code key-}
 */
public record TaintEdit(boolean removes, String key, String value, String effect) {

  /** A taint as the REST API writes it. */
  public record Taint(String key, String value, String effect) {
    @Override
    public String toString() {
      return key + (value == null || value.isEmpty() ? "" : "=" + value) + ":" + effect;
    }
  }

  /** The changes, or {@link IllegalArgumentException} with the expression that is none. */
  public static List<TaintEdit> parse(List<String> expressions) {
    List<TaintEdit> edits = new ArrayList<>();
    for (String expression : expressions) {
      boolean removes = expression.endsWith("-");
      String body = removes ? expression.substring(0, expression.length() - 1) : expression;
      int colon = body.lastIndexOf(':');
      String keyValue = colon < 0 ? body : body.substring(0, colon);
      String effect = colon < 0 ? null : body.substring(colon + 1);
      int equals = keyValue.indexOf('=');
      String key = equals < 0 ? keyValue : keyValue.substring(0, equals);
      String value = equals < 0 ? null : keyValue.substring(equals + 1);
      boolean valid =
          !key.isEmpty()
              && (effect == null ? removes && value == null : !effect.isEmpty())
              && (value == null || !value.contains(":"));
      if (!valid) {
        throw new IllegalArgumentException(expression);
      }
      edits.add(new TaintEdit(removes, key, value, effect));
    }
    return edits;
  }

  /** The taints after the changes, in the current order with new ones at the end. */
  public static List<Taint> apply(List<Taint> current, List<TaintEdit> edits) {
    List<Taint> desired = new ArrayList<>(current);
    for (TaintEdit edit : edits) {
      if (edit.removes()) {
        desired.removeIf(
            t ->
                t.key().equals(edit.key())
                    && (edit.effect() == null || edit.effect().equals(t.effect())));
      } else {
        Taint taint = new Taint(edit.key(), edit.value(), edit.effect());
        int same = indexOf(desired, edit.key(), edit.effect());
        if (same >= 0) {
          desired.set(same, taint);
        } else {
          desired.add(taint);
        }
      }
    }
    return desired;
  }

  private static int indexOf(List<Taint> taints, String key, String effect) {
    for (int i = 0; i < taints.size(); i++) {
      if (taints.get(i).key().equals(key) && taints.get(i).effect().equals(effect)) {
        return i;
      }
    }
    return -1;
  }
}
