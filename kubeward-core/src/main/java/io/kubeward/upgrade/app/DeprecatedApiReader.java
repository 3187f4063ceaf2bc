package io.kubeward.upgrade.app;

import io.kubeward.access.app.Caller;
import io.kubeward.upgrade.domain.DeprecatedApiRequest;
import io.kubeward.upgrade.domain.Observed;
import io.kubeward.upgrade.domain.UpgradeFacts.CrdDeprecation;
import io.kubeward.upgrade.domain.UpgradeFacts.ObjectUse;
import java.util.List;

/** Port: what a cluster tells about deprecated API versions being served and used. */
public interface DeprecatedApiReader {

  /**
   * The apiserver's {@code apiserver_requested_deprecated_apis} series, read as Kubeward ({@code
   * GET /metrics}); refused (with the reason) when the cluster does not let Kubeward read it.
   */
  Observed<List<DeprecatedApiRequest>> requested(String cluster);

  /** The group versions the apiserver serves ("v1", "apps/v1", ...), by discovery as the caller. */
  Observed<List<String>> servedGroupVersions(Caller caller, String cluster);

  /** The served, deprecated versions of custom resources, read as the caller (empty if refused). */
  List<CrdDeprecation> crdDeprecations(Caller caller, String cluster);

  /**
   * The objects whose managed fields say they were written through one of {@code requests}' API
   * versions, listed as the caller through the group's preferred version (never the deprecated one,
   * which would itself count as a request; for a custom resource the version its CRD offers
   * instead), at most {@code maxObjects} objects read per resource.
   */
  List<ObjectUse> uses(
      Caller caller,
      String cluster,
      List<DeprecatedApiRequest> requests,
      List<CrdDeprecation> crds,
      int maxObjects);
}
