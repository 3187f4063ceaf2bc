package io.kubeward.tenancy.domain;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every quantity Kubeward accepts for a quota or a limit range, parsed with fabric8's {@link
 * Quantity} and bounded: CPU at most 100,000 cores, memory and storage at most 1 PiB, object counts
 * at most 100,000; never negative. At most 32 resources per set.
 */
public final class QuantityBounds {

  public static final int MAX_RESOURCES = 32;
  static final BigDecimal MAX_CPU = BigDecimal.valueOf(100_000);
  static final BigDecimal MAX_BYTES = BigDecimal.valueOf(1L << 50);
  static final BigDecimal MAX_COUNT = BigDecimal.valueOf(100_000);

  private QuantityBounds() {}

  /** The set, checked: resource names, parsable quantities within their bound. */
  public static Map<String, String> check(String field, Map<String, String> values) {
    if (values == null) {
      return Map.of();
    }
    if (values.size() > MAX_RESOURCES) {
      throw TenancyException.invalid(field, "at most " + MAX_RESOURCES + " resources");
    }
    Map<String, String> out = new TreeMap<>();
    values.forEach((resource, value) -> out.put(resource, check(field, resource, value)));
    return out;
  }

  /** One quantity, checked; its amount in base units (cores, bytes, count). */
  public static String check(String field, String resource, String value) {
    if (resource == null || !resource.matches("[a-z0-9A-Z._/-]{1,100}")) {
      throw TenancyException.invalid(field, "not a resource name: " + resource);
    }
    BigDecimal amount = amount(field + "." + resource, value);
    BigDecimal max = bound(resource);
    if (amount.compareTo(max) > 0) {
      throw TenancyException.invalid(
          field + "." + resource, value + " is more than the allowed " + max.toPlainString());
    }
    return value.trim();
  }

  /** The amount of a quantity in base units. */
  public static BigDecimal amount(String field, String value) {
    if (value == null || value.isBlank() || value.length() > 40) {
      throw TenancyException.invalid(field, "a quantity is required (e.g. 500m, 2, 1Gi)");
    }
    BigDecimal amount;
    try {
      amount = Quantity.getAmountInBytes(new Quantity(value.trim()));
    } catch (RuntimeException e) {
      throw TenancyException.invalid(field, "not a quantity: " + value);
    }
    if (amount.signum() < 0) {
      throw TenancyException.invalid(field, "must not be negative: " + value);
    }
    return amount;
  }

  static BigDecimal bound(String resource) {
    String base =
        resource.startsWith("requests.") || resource.startsWith("limits.")
            ? resource.substring(resource.indexOf('.') + 1)
            : resource;
    if (base.equals("cpu")) {
      return MAX_CPU;
    }
    if (base.equals("memory") || base.contains("storage")) {
      return MAX_BYTES;
    }
    return MAX_COUNT;
  }

  /** CPU in millicores, other resources in base units, for comparisons. */
  public static long millisOrUnits(String resource, String value) {
    BigDecimal amount = amount(resource, value);
    return resource.endsWith("cpu")
        ? amount
            .multiply(BigDecimal.valueOf(1000))
            .setScale(0, java.math.RoundingMode.CEILING)
            .longValueExact()
        : amount.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }
}
