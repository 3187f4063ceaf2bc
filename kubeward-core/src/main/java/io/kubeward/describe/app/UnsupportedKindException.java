package io.kubeward.describe.app;

import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.describe.domain.DescribeKind;

/** Describe does not know the kind asked for; the message lists the ones it knows. */
public final class UnsupportedKindException extends KubewardException {

  public static final String CODE = "describe.unsupported-kind";

  public UnsupportedKindException(String kind) {
    super(
        CODE,
        ErrorKind.INVALID,
        "Cannot describe kind "
            + kind
            + "; supported: "
            + String.join(", ", DescribeKind.supported()),
        props("kind", kind, "supported", String.join(", ", DescribeKind.supported())));
  }
}
