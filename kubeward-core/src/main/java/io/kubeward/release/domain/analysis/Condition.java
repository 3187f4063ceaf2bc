package io.kubeward.release.domain.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A threshold condition of a PromQL check, {@code <op> <number>} such as {@code < 0.05} or {@code
 * >= 1e3}: op one of {@code < <= > >= == !=}, a finite number. NaN meets no condition.
 */
public record Condition(Op op, double threshold) {

  /** At most this many characters: a condition is an operator and a number. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern FORM =
      Pattern.compile(
          "\\s*(<=|>=|==|!=|<|>)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*");

  /** A comparison. */
  public enum Op {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    NE("!=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /** The condition written in {@code text}, or empty when it is not one. */
  public static Optional<Condition> parse(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    double threshold;
    try {
      threshold = Double.parseDouble(m.group(2));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (!Double.isFinite(threshold)) {
      return Optional.empty();
    }
    for (Op op : Op.values()) {
      if (op.symbol.equals(m.group(1))) {
        return Optional.of(new Condition(op, threshold));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code value} meets the condition; NaN never does. */
  public boolean holds(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    return switch (op) {
      case LT -> value < threshold;
      case LE -> value <= threshold;
      case GT -> value > threshold;
      case GE -> value >= threshold;
      case EQ -> value == threshold;
      case NE -> value != threshold;
    };
  }

  @Override
  public String toString() {
    return op.symbol + " " + Values.format(threshold);
  }

  /** Formats numbers for people and for the status. */
  public static final class Values {
    private Values() {}

    public static String format(double value) {
      if (Double.isNaN(value)) {
        return "NaN";
      }
      if (Double.isInfinite(value)) {
        return value > 0 ? "+Inf" : "-Inf";
      }
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      String text = String.format(Locale.ROOT, "%.6g", value);
      if (text.contains("e") || text.contains("E")) {
        return text;
      }
      return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
  }
}
