package io.kubeward.hpa.domain;

import java.util.List;

/**
 * A warning that does not refuse the request. {@code code} is stable (console key {@code
 * hpa.warning.<code>}); {@code message} is the English sentence; {@code args} fill the translation.
 */
public record HpaWarning(String code, String message, List<String> args) {

  public static HpaWarning missingRequest(String container, String resource) {
    return new HpaWarning(
        "missing-request",
        "Container "
            + container
            + " requests no "
            + resource
            + ": the HPA cannot compute a "
            + resource
            + " utilisation for its pods",
        List.of(container, resource));
  }
}
