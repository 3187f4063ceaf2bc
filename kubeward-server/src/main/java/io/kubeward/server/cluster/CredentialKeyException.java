package io.kubeward.server.cluster;

/**
 * The key that encrypts cluster credentials at rest is missing or is not the one they were
 * encrypted with, while the database holds encrypted credentials: Kubeward refuses to start rather
 * than make a new key (which would make every stored kubeconfig unreadable for good).
 */
public final class CredentialKeyException extends IllegalStateException {

  CredentialKeyException(String message) {
    super(message);
  }

  CredentialKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
