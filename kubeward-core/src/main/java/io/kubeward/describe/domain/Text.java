package io.kubeward.describe.domain;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How values are written in a description, close to {@code kubectl describe}. */
final class Text {

  static final String NONE = "<none>";
  static final String UNSET = "<unset>";

  private Text() {}

  static String of(@Nullable Object value) {
    if (value == null) {
      return NONE;
    }
    if (value instanceof IntOrString ios) {
      return intOrString(ios);
    }
    if (value instanceof Quantity q) {
      return quantity(q);
    }
    if (value instanceof Collection<?> c) {
      return c.isEmpty() ? NONE : c.stream().map(Text::of).collect(Collectors.joining(", "));
    }
    String text = String.valueOf(value);
    return text.isEmpty() ? NONE : text;
  }

  static String intOrString(@Nullable IntOrString value) {
    if (value == null) {
      return NONE;
    }
    return value.getIntVal() != null ? String.valueOf(value.getIntVal()) : value.getStrVal();
  }

  static String quantity(@Nullable Quantity quantity) {
    if (quantity == null) {
      return NONE;
    }
    return quantity.getAmount() + (quantity.getFormat() == null ? "" : quantity.getFormat());
  }

  /** {@code k=v, k=v} sorted by key, or {@code <none>}. */
  static String pairs(@Nullable Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return NONE;
    }
    return new TreeMap<>(map)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + (e.getValue() == null ? "" : e.getValue()))
            .collect(Collectors.joining(", "));
  }

  /** {@code cpu=100m, memory=64Mi}, or {@code <none>}. */
  static String quantities(@Nullable Map<String, Quantity> map) {
    if (map == null || map.isEmpty()) {
      return NONE;
    }
    return new TreeMap<>(map)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + quantity(e.getValue()))
            .collect(Collectors.joining(", "));
  }

  static String list(@Nullable List<String> values) {
    return values == null || values.isEmpty() ? NONE : String.join(", ", values);
  }

  /** A duration as kubectl writes ages: 45s, 3m12s, 2h5m, 4d3h. */
  static String age(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + "m" + (seconds % 60 == 0 ? "" : (seconds % 60) + "s");
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + "h" + (minutes % 60 == 0 ? "" : (minutes % 60) + "m");
    }
    long days = hours / 24;
    return days + "d" + (hours % 24 == 0 ? "" : (hours % 24) + "h");
  }

  /** Access modes as kubectl abbreviates them: RWO, ROX, RWX, RWOP. */
  static String accessModes(@Nullable List<String> modes) {
    if (modes == null || modes.isEmpty()) {
      return "";
    }
    return modes.stream()
        .map(
            m ->
                switch (m) {
                  case "ReadWriteOnce" -> "RWO";
                  case "ReadOnlyMany" -> "ROX";
                  case "ReadWriteMany" -> "RWX";
                  case "ReadWriteOncePod" -> "RWOP";
                  default -> m;
                })
        .collect(Collectors.joining(","));
  }

  static String bool(@Nullable Boolean value) {
    return value == null ? "false" : value.toString();
  }
}
