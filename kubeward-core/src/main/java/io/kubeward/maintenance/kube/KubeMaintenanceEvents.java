package io.kubeward.maintenance.kube;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.maintenance.app.MaintenanceEvents;
import io.kubeward.maintenance.domain.MaintenanceReason;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events (core/v1) on NodeMaintenances and nodes, in namespace {@code default} as for
 * every cluster-scoped object, with the same stable reasons as the conditions. Best effort: a
 * failed event is logged, never fatal.
 */
public final class KubeMaintenanceEvents implements MaintenanceEvents {

  private static final Logger log = LoggerFactory.getLogger(KubeMaintenanceEvents.class);
  static final String COMPONENT = "kubeward-maintenance";

  private final KubernetesClient client;
  private final String instance;
  private final Clock clock;

  public KubeMaintenanceEvents(KubernetesClient client, String instance, Clock clock) {
    this.client = client;
    this.instance = instance;
    this.clock = clock;
  }

  @Override
  public void onMaintenance(
      String maintenance, MaintenanceReason reason, boolean warning, String message) {
    emit(
        new ObjectReferenceBuilder()
            .withApiVersion(NodeMaintenanceResources.GROUP + "/" + NodeMaintenanceResources.VERSION)
            .withKind(NodeMaintenanceResources.KIND)
            .withName(maintenance)
            .build(),
        reason,
        warning,
        message);
  }

  @Override
  public void onNode(
      String node, String maintenance, MaintenanceReason reason, boolean warning, String message) {
    emit(
        new ObjectReferenceBuilder().withApiVersion("v1").withKind("Node").withName(node).build(),
        reason,
        warning,
        "NodeMaintenance " + maintenance + ": " + message);
  }

  private void emit(
      ObjectReference target, MaintenanceReason reason, boolean warning, String message) {
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    try {
      client
          .v1()
          .events()
          .inNamespace("default")
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withGenerateName(target.getName() + ".")
                  .withNamespace("default")
                  .endMetadata()
                  .withInvolvedObject(target)
                  .withReason(reason.name())
                  .withMessage(message == null ? "" : message)
                  .withType(warning ? "Warning" : "Normal")
                  .withNewSource()
                  .withComponent(COMPONENT)
                  .endSource()
                  .withReportingComponent("kubeward.io/maintenance")
                  .withReportingInstance(instance)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .build())
          .create();
    } catch (RuntimeException e) {
      log.debug(
          "Event {} on {} {} not recorded: {}",
          reason,
          target.getKind(),
          target.getName(),
          e.toString());
    }
  }
}
