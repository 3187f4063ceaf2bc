package io.kubeward.maintenance.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs or updates the NodeMaintenance CRD by server-side apply (field manager {@code kubeward})
 * and waits until it is Established. Without the permission, an existing CRD is used as it is; a
 * missing one makes maintenance unavailable in that cluster, with a clear reason.
 */
public final class CrdInstaller {

  private static final Logger log = LoggerFactory.getLogger(CrdInstaller.class);

  /** The outcome: available, or why not. */
  public record Result(boolean available, String reason) {}

  private CrdInstaller() {}

  public static CustomResourceDefinition definition(KubernetesClient client) {
    try (InputStream in =
        CrdInstaller.class.getResourceAsStream(NodeMaintenanceResources.CRD_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + NodeMaintenanceResources.CRD_RESOURCE);
      }
      return client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Result ensure(String cluster, KubernetesClient client, Duration establishTimeout) {
    try {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(definition(client))
          .fieldManager("kubeward")
          .forceConflicts()
          .serverSideApply();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_FORBIDDEN) {
        return new Result(false, "cannot apply the CRD: " + shortMessage(e));
      }
      log.warn(
          "Cluster {}: no permission to install or update CRD {} ({}); using it only if it exists",
          cluster,
          NodeMaintenanceResources.CRD_NAME,
          shortMessage(e));
    }
    long deadline = System.nanoTime() + establishTimeout.toNanos();
    while (true) {
      CustomResourceDefinition crd;
      try {
        crd =
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(NodeMaintenanceResources.CRD_NAME)
                .get();
      } catch (KubernetesClientException e) {
        return new Result(false, "cannot read the CRD: " + shortMessage(e));
      }
      if (crd == null) {
        return new Result(
            false,
            "CRD "
                + NodeMaintenanceResources.CRD_NAME
                + " is not installed and Kubeward may not install it");
      }
      if (established(crd)) {
        return new Result(true, null);
      }
      if (System.nanoTime() > deadline) {
        return new Result(
            false, "CRD " + NodeMaintenanceResources.CRD_NAME + " is not Established");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(false, "interrupted");
      }
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String shortMessage(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }
}
