package io.kubeward.cluster.domain;

import static io.kubeward.cluster.domain.ProjectionSupport.fields;
import static io.kubeward.cluster.domain.ProjectionSupport.intern;
import static io.kubeward.cluster.domain.ProjectionSupport.view;

import io.fabric8.kubernetes.api.model.Event;

/** Events, their message cut to {@value #MAX_MESSAGE} characters. */
public final class EventProjection {

  static final int MAX_MESSAGE = 512;

  private EventProjection() {}

  public static ObjectView event(Event object) {
    String message = object.getMessage();
    if (message != null && message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    var involved = object.getInvolvedObject();
    String lastSeen =
        object.getLastTimestamp() != null
            ? object.getLastTimestamp()
            : object.getEventTime() != null ? object.getEventTime().getTime() : null;
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
            "count",
            object.getCount() == null ? 1 : object.getCount(),
            "lastSeen",
            lastSeen));
  }
}
