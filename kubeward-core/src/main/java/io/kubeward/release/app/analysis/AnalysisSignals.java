package io.kubeward.release.app.analysis;

import io.kubeward.release.domain.analysis.SignalFacts;
import java.util.Map;

/**
 * Port: the facts of one version's pods from Kubeward's shared cache (pods, Warning events) and the
 * diagnostics engine (active findings), read with Kubeward's own view (the controller's).
 */
public interface AnalysisSignals {

  /**
   * The pods of {@code namespace} whose labels contain {@code labels}, with the Warning events
   * involving them and the active findings on them.
   *
   * @throws SignalsUnavailableException when the cluster is unknown, unreachable or its cache has
   *     not listed pods and events yet
   */
  SignalFacts observe(String cluster, String namespace, Map<String, String> labels);

  /** The cache cannot answer now: the measurement is an error. */
  final class SignalsUnavailableException extends RuntimeException {
    public SignalsUnavailableException(String message) {
      super(message);
    }
  }
}
