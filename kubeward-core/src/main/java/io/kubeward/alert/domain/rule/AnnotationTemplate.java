package io.kubeward.alert.domain.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An annotation's text with placeholders, parsed once: {@code {{ $labels.<name> }}} (a label of the
 * sample, empty if it has none), {@code {{ $value }}} (the sample's value), {@code {{ $object }}}
 * (what the sample is about, e.g. {@code Pod shop/web-1}) and {@code {{ $runbook }}} (the runbook
 * link). Anything else between {@code {{ }}} is an error; text outside is kept as written.
 */
public final class AnnotationTemplate {

  /** Longest annotation text accepted. */
  public static final int MAX_LENGTH = 4_096;

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern LABEL = Pattern.compile("\\$labels\\.([a-zA-Z_][a-zA-Z0-9_]*)");

  private sealed interface Part {}

  private record Text(String text) implements Part {}

  private record Label(String name) implements Part {}

  private enum Variable implements Part {
    VALUE,
    OBJECT,
    RUNBOOK
  }

  /** What a placeholder is filled with. */
  public record Context(
      Map<String, String> labels,
      @Nullable Double value,
      @Nullable String object,
      @Nullable String runbook) {}

  private final String source;
  private final List<Part> parts;

  private AnnotationTemplate(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /**
   * @throws IllegalArgumentException naming the first unknown placeholder, an unclosed one or a
   *     text longer than {@value #MAX_LENGTH}
   */
  public static AnnotationTemplate parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("is longer than " + MAX_LENGTH + " characters");
    }
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int at = 0;
    while (m.find()) {
      addText(parts, text.substring(at, m.start()));
      String inner = m.group(1).strip();
      Matcher label = LABEL.matcher(inner);
      if (label.matches()) {
        parts.add(new Label(label.group(1)));
      } else {
        parts.add(
            switch (inner) {
              case "$value" -> Variable.VALUE;
              case "$object" -> Variable.OBJECT;
              case "$runbook" -> Variable.RUNBOOK;
              default ->
                  throw new IllegalArgumentException(
                      "unknown placeholder {{ "
                          + abbreviate(inner)
                          + " }}: use $labels.<name>, $value, $object or $runbook");
            });
      }
      at = m.end();
    }
    String rest = text.substring(at);
    if (rest.contains("{{")) {
      throw new IllegalArgumentException("has a {{ without its }}");
    }
    addText(parts, rest);
    return new AnnotationTemplate(text, parts);
  }

  private static void addText(List<Part> parts, String text) {
    if (!text.isEmpty()) {
      parts.add(new Text(text));
    }
  }

  public String source() {
    return source;
  }

  /** Whether the text uses {@code {{ $runbook }}}. */
  public boolean usesRunbook() {
    return parts.contains(Variable.RUNBOOK);
  }

  public String render(Context context) {
    StringBuilder out = new StringBuilder(source.length() + 32);
    for (Part part : parts) {
      switch (part) {
        case Text t -> out.append(t.text());
        case Label l -> out.append(context.labels().getOrDefault(l.name(), ""));
        case Variable v -> {
          switch (v) {
            case VALUE -> out.append(format(context.value()));
            case OBJECT -> out.append(context.object() == null ? "" : context.object());
            case RUNBOOK -> out.append(context.runbook() == null ? "" : context.runbook());
          }
        }
      }
    }
    return out.toString();
  }

  /** A value as people read it: at most 4 decimals, no trailing zeros, no exponent. */
  public static String format(@Nullable Double value) {
    if (value == null) {
      return "";
    }
    if (value.isNaN() || value.isInfinite()) {
      return value.toString();
    }
    return BigDecimal.valueOf(value)
        .setScale(4, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  @Override
  public String toString() {
    return source;
  }
}
