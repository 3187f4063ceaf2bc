package io.kubeward.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paging rules of every list of the API, once: {@code limit} is 1 to {@value #MAX_LIMIT},
 * {@value #DEFAULT_LIMIT} when not given. (The continue token of the cached lists is {@code
 * cluster.domain.ContinueToken}; the audit log pages by record sequence.)
 */
public final class Paging {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  public static final String INVALID_PARAMETER = "list.invalid-parameter";

  private Paging() {}

  /**
   * The page size from a query parameter as sent.
   *
   * @param text {@code null} or blank for the default
   * @throws KubewardException {@value #INVALID_PARAMETER} (400) naming {@code limit} and its range
   */
  public static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int limit;
    try {
      limit = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw invalid("limit", text, "a number from 1 to " + MAX_LIMIT);
    }
    return limit;
  }

  /**
   * A list parameter that cannot be used: {@code {0}} the parameter, {@code {1}} the value, {@code
   * {2}} what it must be.
   */
  public static KubewardException invalid(String parameter, String value, String reason) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("parameter", parameter);
    properties.put("value", String.valueOf(value));
    properties.put("reason", reason);
    return new KubewardException(
        INVALID_PARAMETER,
        ErrorKind.INVALID,
        "Invalid " + parameter + " " + value + ": " + reason,
        properties);
  }
}
