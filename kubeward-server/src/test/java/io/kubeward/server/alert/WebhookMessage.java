package io.kubeward.server.alert;

import io.kubeward.testkit.receiver.RecordingReceiver.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notification as the generic webhook receiver sees it (channels' JSON body, version 1: {@code
 * status} firing|resolved, {@code groupLabels}, {@code alerts[]} each with {@code status}, {@code
 * fingerprint}, {@code labels}, {@code annotations}).
 */
record WebhookMessage(Request request, JsonNode json) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static WebhookMessage of(Request request) {
    return new WebhookMessage(request, JSON.readTree(request.bodyText()));
  }

  String status() {
    return json.path("status").asString();
  }

  boolean test() {
    return json.path("test").asBoolean();
  }

  List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    json.path("alerts").forEach(alerts::add);
    return alerts;
  }

  /** The alerts in this message with {@code status} (firing or resolved). */
  List<JsonNode> alerts(String status) {
    return alerts().stream().filter(a -> status.equals(a.path("status").asString())).toList();
  }

  /** Whether any alert of the message carries {@code alertname}. */
  boolean about(String alertname) {
    return alerts().stream()
        .anyMatch(a -> alertname.equals(a.path("labels").path("alertname").asString()));
  }

  /** A request that is a webhook message about {@code alertname} with a firing alert. */
  static Predicate<Request> firing(String alertname) {
    return r ->
        parse(r).stream().anyMatch(m -> m.about(alertname) && !m.alerts("firing").isEmpty());
  }

  /** A request that is a webhook message about {@code alertname} with a resolved alert. */
  static Predicate<Request> resolved(String alertname) {
    return r ->
        parse(r).stream().anyMatch(m -> m.about(alertname) && !m.alerts("resolved").isEmpty());
  }

  /**
   * A message with a {@code status} alert of {@code alertname} whose {@code label} is {@code
   * value}.
   */
  static Predicate<Request> with(String status, String alertname, String label, String value) {
    return r ->
        parse(r).stream()
            .flatMap(m -> m.alerts(status).stream())
            .anyMatch(
                a ->
                    alertname.equals(a.path("labels").path("alertname").asString())
                        && value.equals(a.path("labels").path(label).asString()));
  }

  /** Any webhook message about {@code alertname}. */
  static Predicate<Request> mentions(String alertname) {
    return r -> parse(r).stream().anyMatch(m -> m.about(alertname));
  }

  private static List<WebhookMessage> parse(Request request) {
    try {
      return List.of(of(request));
    } catch (RuntimeException notJson) {
      return List.of();
    }
  }
}
