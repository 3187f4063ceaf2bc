package io.kubeward.server.rbac;

import java.util.Locale;

/** Small wire helpers of the RBAC API. */
final class RbacViews {

  private RbacViews() {}

  /** {@code CRITICAL} → {@code critical}. */
  static String wire(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
