package io.kubeward.testkit.controlplane;

/** The control plane could not be started; the message names the component and quotes its log. */
public class ControlPlaneException extends RuntimeException {

  public ControlPlaneException(String message) {
    super(message);
  }

  public ControlPlaneException(String message, Throwable cause) {
    super(message, cause);
  }
}
