package io.kubeward.runtime.kube;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.runtime.app.EventRecorder;
import io.kubeward.runtime.app.EventTarget;
import io.kubeward.runtime.domain.EventReason;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events (core/v1) of one controller in one cluster: source component {@code
 * kubeward-<controller>}, reporting component {@code kubeward.io/<controller>}, in the target's
 * namespace ({@code default} for cluster-scoped objects). Best effort: a failure is logged at
 * DEBUG.
 */
public final class KubeEventRecorder implements EventRecorder {

  private static final Logger log = LoggerFactory.getLogger(KubeEventRecorder.class);

  private final KubernetesClient client;
  private final String controller;
  private final String instance;
  private final Clock clock;

  public KubeEventRecorder(
      KubernetesClient client, String controller, String instance, Clock clock) {
    this.client = client;
    this.controller = controller;
    this.instance = instance;
    this.clock = clock;
  }

  @Override
  public void record(EventTarget target, EventReason reason, boolean warning, String message) {
    String namespace = target.namespace() == null ? "default" : target.namespace();
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withGenerateName(target.name() + ".")
                  .withNamespace(namespace)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(target.apiVersion())
                          .withKind(target.kind())
                          .withNamespace(target.namespace())
                          .withName(target.name())
                          .build())
                  .withReason(reason.name())
                  .withMessage(message == null ? "" : message)
                  .withType(warning ? "Warning" : "Normal")
                  .withNewSource()
                  .withComponent("kubeward-" + controller)
                  .endSource()
                  .withReportingComponent("kubeward.io/" + controller)
                  .withReportingInstance(instance)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .build())
          .create();
    } catch (RuntimeException e) {
      log.debug(
          "Event {} on {} {} not recorded: {}",
          reason.name(),
          target.kind(),
          target.name(),
          e.toString());
    }
  }
}
