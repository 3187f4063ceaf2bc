package io.kubeward.server.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start refused because the credential encryption key is missing or wrong. */
class CredentialKeyFailureAnalyzer extends AbstractFailureAnalyzer<CredentialKeyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CredentialKeyException cause) {
    return new FailureAnalysis(
        "Kubeward cannot read the stored cluster credentials: " + cause.getMessage(),
        "Restore the key file (<kubeward.data-dir>/encryption.key) from the backup taken with the"
            + " database, or set kubeward.security.encryption-key to the key the credentials were"
            + " encrypted with. Kubeward never makes a new key while encrypted credentials exist."
            + " To start over instead, remove the added clusters from the database"
            + " (table kubeward_cluster) and add them again.",
        cause);
  }
}
