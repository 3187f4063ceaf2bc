package io.kubeward.runtime.domain;

import java.time.Instant;

/**
 * The state of one CRD in one cluster, as the last check left it.
 *
 * @param reason why it is not available (or a note, e.g. an older revision in use), else {@code
 *     null}
 * @param installedRevision the {@code kubeward.io/crd-revision} of the CRD in the cluster, 0 when
 *     it has none, -1 when unknown
 * @param checkedAt when the last check ended ({@code null} while pending)
 */
public record CrdStatus(
    String crd, CrdState state, String reason, int installedRevision, Instant checkedAt) {

  public static CrdStatus pending(String crd) {
    return new CrdStatus(crd, CrdState.Pending, "being checked", -1, null);
  }
}
