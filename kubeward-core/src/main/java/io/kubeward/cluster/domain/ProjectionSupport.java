package io.kubeward.cluster.domain;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every projection shares: identity and labels, the owner, timestamps, quantities and the
 * generic {@link ObjectView} with its kind-specific fields.
 *
 * <p>The projections are pure functions from full Kubernetes objects to the compact views the cache
 * keeps. They run once per watch event; the full object is garbage right after. Strings that repeat
 * across many objects (namespaces, node names, label keys and values, owner kinds) are interned so
 * that 30,000 pods of a few hundred Deployments share them. Each kind's projection is named in the
 * cache's table of kinds ({@link CachedKind}).
 */
final class ProjectionSupport {

  private ProjectionSupport() {}

  static Instant instant(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A quantity in thousandths, rounded up (CPU {@code 100m} is 100, {@code 2} is 2000). */
  static long millis(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity)
        .multiply(BigDecimal.valueOf(1000))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** A quantity as a whole number, rounded up ({@code 1Ki} is 1024). */
  static long whole(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  static int zeroIfNull(Integer value) {
    return value == null ? 0 : value;
  }

  static Map<String, String> quantities(Map<String, Quantity> values) {
    if (values == null) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }

  static ObjectView view(HasMetadata object, String status, Map<String, Object> fields) {
    ObjectMeta meta = object.getMetadata();
    return new ObjectView(
        intern(meta.getNamespace()),
        meta.getName(),
        meta.getUid(),
        meta.getResourceVersion(),
        createdAt(meta),
        labels(meta),
        owner(meta),
        status == null ? "" : intern(status),
        fields);
  }

  /** An unmodifiable map of the non-null pairs, in order. */
  static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        out.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  static Instant createdAt(ObjectMeta meta) {
    String timestamp = meta.getCreationTimestamp();
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Map<String, String> labels(ObjectMeta meta) {
    Map<String, String> labels = meta.getLabels();
    if (labels == null || labels.isEmpty()) {
      return Map.of();
    }
    Map<String, String> interned = new HashMap<>(labels.size() * 2);
    labels.forEach((k, v) -> interned.put(k.intern(), v == null ? "" : v.intern()));
    return Map.copyOf(interned);
  }

  /** The controller owner reference, else the first one, else {@code null}. */
  static OwnerRef owner(ObjectMeta meta) {
    List<OwnerReference> owners = meta.getOwnerReferences();
    if (owners == null || owners.isEmpty()) {
      return null;
    }
    OwnerReference chosen = owners.getFirst();
    for (OwnerReference owner : owners) {
      if (Boolean.TRUE.equals(owner.getController())) {
        chosen = owner;
        break;
      }
    }
    return new OwnerRef(intern(chosen.getKind()), chosen.getName());
  }

  static String intern(String value) {
    return value == null ? null : value.intern();
  }
}
