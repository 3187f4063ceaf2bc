package io.kubeward.server.release;

import io.kubeward.access.app.Authorizer;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.history.app.RunPromql;
import io.kubeward.release.app.ManageReleases;
import io.kubeward.release.app.PromqlPermission;
import io.kubeward.release.app.ReleaseAnalysis;
import io.kubeward.release.app.ReleaseValidation;
import io.kubeward.release.app.TrafficRouter;
import io.kubeward.release.domain.PromqlApproval;
import io.kubeward.release.domain.ReleaseObject;
import io.kubeward.release.kube.KubeReleaseStore;
import io.kubeward.release.kube.ReplicaRatioRouter;
import io.kubeward.release.reconcile.ReleaseController;
import io.kubeward.release.reconcile.ReleaseSettings;
import io.kubeward.runtime.kube.ControllerSpec;
import io.kubeward.server.cluster.CredentialCipher;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Releases (ADR 0035): the replica-ratio router, the one validator (with every {@link
 * TrafficRouter} bean by type and the {@link ReleaseAnalysis} bean), the PromQL approval stamp (its
 * key derived from the credential key), the Release controller on the controller runtime and the
 * use cases of the REST API.
 */
@Configuration(proxyBeanMethods = false)
class ReleasesWiring {

  @Bean
  ReplicaRatioRouter replicaRatioRouter(ClusterClients clients) {
    return new ReplicaRatioRouter(clients::kubeward);
  }

  @Bean
  ReleaseValidation releaseValidation(ReleaseAnalysis analysis, List<TrafficRouter> routers) {
    return new ReleaseValidation(analysis, routers);
  }

  /** The stamp's key: derived from the credential key (ADR 0009), never that key itself. */
  @Bean
  PromqlApproval releasePromqlApproval(CredentialCipher cipher) {
    return new PromqlApproval(() -> cipher.derivedKey(PROMQL_APPROVAL_KEY));
  }

  static final String PROMQL_APPROVAL_KEY = "release-promql-approval";

  /** Who may put promql checks in a Release: the PromQL explorer's one check (ADR 0021). */
  @Bean
  PromqlPermission releasePromqlPermission(RunPromql promql) {
    return promql::allowed;
  }

  @Bean
  @ConditionalOnProperty(
      name = "kubeward.release.enabled",
      havingValue = "true",
      matchIfMissing = true)
  ControllerSpec<ReleaseObject> releaseController(
      ObjectProvider<ReleaseValidation> validation,
      ObjectProvider<ReleaseAnalysis> analysis,
      PromqlApproval approval,
      ReleaseProperties properties) {
    // looked up when a cluster's controller is built: the analysis may depend on the runtime
    return ReleaseController.spec(
        validation::getObject,
        analysis::getObject,
        approval,
        new ReleaseSettings(properties.resyncInterval(), properties.readinessPoll()));
  }

  @Bean
  ManageReleases manageReleases(
      ClusterReads reads,
      Authorizer authorizer,
      AuditedAction audited,
      ClusterClients clients,
      ReleaseValidation validation,
      PromqlPermission promqlPermission,
      PromqlApproval promqlApproval,
      Clock clock) {
    return new ManageReleases(
        reads,
        authorizer,
        audited,
        new KubeReleaseStore(clients),
        validation,
        promqlPermission,
        promqlApproval,
        clock);
  }
}
