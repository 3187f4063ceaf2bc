package io.kubeward.helm.app;

import io.kubeward.access.app.Caller;
import io.kubeward.helm.domain.HelmReleaseDetail;
import java.util.List;

/** Port: the release Secrets of a cluster, read live with the caller's identity and decoded. */
public interface HelmReleaseStore {

  /**
   * The newest revision of each release.
   *
   * @param namespace {@code null} for every namespace (needs the right to list secrets everywhere)
   */
  List<HelmReleaseDetail> latest(Caller caller, String cluster, String namespace);

  /** Every revision of one release, newest first; empty if there is no such release. */
  List<HelmReleaseDetail> history(Caller caller, String cluster, String namespace, String name);
}
