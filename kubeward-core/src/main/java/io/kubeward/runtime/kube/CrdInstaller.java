package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubeward.runtime.domain.CrdState;
import io.kubeward.runtime.domain.CrdStatus;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs or updates a CRD by server-side apply (field manager {@code kubeward}) when the
 * cluster's copy is missing or older than this build's revision, then checks that it serves the
 * version Kubeward uses and is Established. Blocks up to the establish timeout: run it on a
 * background thread (the runtime does, at start-up, when a cluster is added and on the admin
 * action), never on a request thread.
 *
 * <p>Without the permission to read or write CRDs, a CRD installed by someone else is used when the
 * API serves its resource; a missing one makes the controller unavailable with a reason.
 */
public final class CrdInstaller {

  private static final Logger log = LoggerFactory.getLogger(CrdInstaller.class);

  private CrdInstaller() {}

  public static CrdStatus ensure(
      String cluster,
      KubernetesClient client,
      CrdDefinition crd,
      boolean install,
      Duration establishTimeout,
      Clock clock) {
    String name = crd.name();
    CustomResourceDefinition existing;
    try {
      existing = read(client, name);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
        return servedWithoutCrdAccess(cluster, client, crd, clock, shortMessage(e));
      }
      return status(
          crd, CrdState.Failed, "cannot read CRD " + name + ": " + shortMessage(e), -1, clock);
    }
    int installed = existing == null ? -1 : CrdDefinition.revisionOf(existing);
    String note = null;
    if (install && installed < crd.revision()) {
      try {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(crd.definition())
            .fieldManager("kubeward")
            .forceConflicts()
            .serverSideApply();
        log.info(
            "Cluster {}: {} CRD {} (revision {} -> {})",
            cluster,
            existing == null ? "installed" : "updated",
            name,
            Math.max(installed, 0),
            crd.revision());
        existing = read(client, name);
        installed = existing == null ? -1 : CrdDefinition.revisionOf(existing);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
          return status(
              crd,
              CrdState.Failed,
              "cannot apply CRD " + name + ": " + shortMessage(e),
              installed,
              clock);
        }
        log.warn(
            "Cluster {}: no permission to install or update CRD {} ({}); using it only if it exists",
            cluster,
            name,
            shortMessage(e));
        if (existing != null) {
          note =
              "revision "
                  + Math.max(installed, 0)
                  + " in use, this build has "
                  + crd.revision()
                  + " (no permission to update it)";
        }
      }
    } else if (existing != null && installed < crd.revision()) {
      note =
          "revision "
              + Math.max(installed, 0)
              + " in use, this build has "
              + crd.revision()
              + " (installation disabled)";
    }
    if (existing == null) {
      return status(
          crd,
          CrdState.Missing,
          "CRD "
              + name
              + " is not installed and Kubeward "
              + (install ? "may not install it" : "is configured not to install it"),
          -1,
          clock);
    }
    boolean serves =
        existing.getSpec().getVersions().stream()
            .anyMatch(v -> crd.version().equals(v.getName()) && Boolean.TRUE.equals(v.getServed()));
    if (!serves) {
      return status(
          crd,
          CrdState.Outdated,
          "CRD "
              + name
              + " (revision "
              + Math.max(installed, 0)
              + ") does not serve "
              + crd.version()
              + "; install revision "
              + crd.revision(),
          installed,
          clock);
    }
    if (!established(existing)) {
      try {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(name)
            .waitUntilCondition(
                c -> c != null && established(c),
                establishTimeout.toMillis(),
                TimeUnit.MILLISECONDS);
      } catch (KubernetesClientTimeoutException e) {
        return status(
            crd,
            CrdState.Failed,
            "CRD " + name + " is not Established within " + establishTimeout.toSeconds() + " s",
            installed,
            clock);
      } catch (KubernetesClientException e) {
        return status(
            crd,
            CrdState.Failed,
            "cannot watch CRD " + name + ": " + shortMessage(e),
            installed,
            clock);
      }
    }
    return status(crd, CrdState.Available, note, Math.max(installed, 0), clock);
  }

  /** CRDs may not be read: the CRD is usable if the API serves its resource to Kubeward. */
  private static CrdStatus servedWithoutCrdAccess(
      String cluster, KubernetesClient client, CrdDefinition crd, Clock clock, String why) {
    var spec = crd.definition().getSpec();
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup(spec.getGroup())
            .withVersion(crd.version())
            .withKind(spec.getNames().getKind())
            .withPlural(spec.getNames().getPlural())
            .withNamespaced("Namespaced".equals(spec.getScope()))
            .build();
    try {
      client
          .genericKubernetesResources(context)
          .list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build());
      log.warn(
          "Cluster {}: CRD {} cannot be read ({}); the API serves it, so it is used as it is",
          cluster,
          crd.name(),
          why);
      return status(
          crd,
          CrdState.Available,
          "CRD " + crd.name() + " not readable; its resource is served",
          -1,
          clock);
    } catch (KubernetesClientException e) {
      String reason =
          e.getCode() == HttpURLConnection.HTTP_NOT_FOUND
              ? "CRD " + crd.name() + " is not installed and Kubeward may not install it"
              : "no permission to read CRD " + crd.name() + " nor its resource: " + shortMessage(e);
      return status(crd, CrdState.Missing, reason, -1, clock);
    }
  }

  private static CustomResourceDefinition read(KubernetesClient client, String name) {
    return client.apiextensions().v1().customResourceDefinitions().withName(name).get();
  }

  static boolean established(CustomResourceDefinition crd) {
    return crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static CrdStatus status(
      CrdDefinition crd, CrdState state, String reason, int revision, Clock clock) {
    return new CrdStatus(crd.name(), state, reason, revision, clock.instant());
  }

  static String shortMessage(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }
}
