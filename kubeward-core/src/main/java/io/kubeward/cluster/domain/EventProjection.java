package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.view;

import io.fabric8.kubernetes.api.model.Event;

/**
 * Events, their message cut to {@value #MAX_MESSAGE} characters. Besides reason, message, the
 * involved object's kind and name, the count and the last time seen, it keeps what the event store
 * needs (ADR 0026): the involved object's namespace and uid, the first time seen, the reporting
 * component and, for events written through {@code events.k8s.io/v1}, the series' count and last
 * observation (which then take the place of {@code count} and {@code lastSeen}) and the action.
 */
public final class EventProjection {

  static final int MAX_MESSAGE = 512;

  private EventProjection() {}

  public static ObjectView event(Event object) {
    String message = object.getMessage();
    if (message != null && message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    var involved = object.getInvolvedObject();
    var series = object.getSeries();
    String eventTime = object.getEventTime() != null ? object.getEventTime().getTime() : null;
    String lastSeen =
        series != null && series.getLastObservedTime() != null
            ? series.getLastObservedTime().getTime()
            : object.getLastTimestamp() != null ? object.getLastTimestamp() : eventTime;
    String firstSeen = object.getFirstTimestamp() != null ? object.getFirstTimestamp() : eventTime;
    Integer count =
        series != null && series.getCount() != null ? series.getCount() : object.getCount();
    String source =
        object.getReportingComponent() != null && !object.getReportingComponent().isEmpty()
            ? object.getReportingComponent()
            : object.getSource() == null ? null : object.getSource().getComponent();
    return view(
        object,
        intern(object.getType()),
        fields(
            "reason",
            intern(object.getReason()),
            "message",
            message,
            "objectKind",
            involved == null ? null : intern(involved.getKind()),
            "objectName",
            involved == null ? null : involved.getName(),
            "objectNamespace",
            involved == null ? null : intern(emptyToNull(involved.getNamespace())),
            "objectUid",
            involved == null ? null : emptyToNull(involved.getUid()),
            "count",
            count == null ? 1 : count,
            "firstSeen",
            firstSeen,
            "lastSeen",
            lastSeen,
            "source",
            intern(source),
            "action",
            intern(emptyToNull(object.getAction()))));
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
