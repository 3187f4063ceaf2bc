package io.kubeward.maintenance.domain;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A duration, a number of seconds or a count outside the range its field allows; nothing was
 * created. The message names the field, the minimum and the maximum ({@code {0}}, {@code {1}},
 * {@code {2}}) and the value given ({@code {3}}).
 */
public final class OutOfRangeException extends KubewardException {

  public static final String CODE = "maintenance.out-of-range";

  public OutOfRangeException(String field, String minimum, String maximum, String value) {
    super(
        CODE,
        ErrorKind.INVALID,
        field + " must be between " + minimum + " and " + maximum + ", is " + value,
        properties(field, minimum, maximum, value));
  }

  private static Map<String, Object> properties(
      String field, String minimum, String maximum, String value) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("field", field);
    p.put("minimum", minimum);
    p.put("maximum", maximum);
    p.put("value", GoDuration.abbreviate(String.valueOf(value)));
    return p;
  }
}
