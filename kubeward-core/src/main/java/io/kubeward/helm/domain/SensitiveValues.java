package io.kubeward.helm.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Chart values as the audit log keeps them: every value under a key that names a secret (password,
 * secret, token, credentials, private or access key, ...) at any depth is replaced by a mark, so
 * the audit shows that it changed, never what it is. Helm itself keeps the values in the release
 * Secret, readable by whoever may read Secrets in the namespace; Kubeward's audit is read by other
 * people (its administrators), hence the difference. Pure.
 */
public final class SensitiveValues {

  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(passw(or)?d|passphrase|secret|token|credential|api[-_]?key|access[-_]?key"
              + "|private[-_]?key|client[-_]?key|connection[-_]?string).*");

  private SensitiveValues() {}

  /** Whether a value under {@code key} is treated as secret. */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /** A copy of {@code values} with every value under a secret key replaced by {@code mark}. */
  public static Map<String, Object> redacted(
      Map<String, Object> values, Function<Object, String> mark) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) ->
            copy.put(key, isSecretKey(key) ? marked(value, mark) : redactedValue(value, mark)));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object redactedValue(Object value, Function<Object, String> mark) {
    if (value instanceof Map<?, ?> map) {
      return redacted((Map<String, Object>) map, mark);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(redactedValue(item, mark)));
      return copy;
    }
    return value;
  }

  /** Below a secret key everything is secret: nested maps and lists keep their shape only. */
  @SuppressWarnings("unchecked")
  private static Object marked(Object value, Function<Object, String> mark) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, marked(v, mark)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(marked(item, mark)));
      return copy;
    }
    return mark.apply(value);
  }
}
