package io.kubeward.server.alert.routing;

import io.kubeward.access.app.Caller;
import io.kubeward.alert.app.routing.ManagePolicy;
import io.kubeward.alert.domain.routing.PolicyDocument;
import io.kubeward.alert.domain.routing.PolicyDocument.InhibitRuleSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.RouteSpec;
import io.kubeward.alert.domain.routing.PolicyDocument.TimeIntervalSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification policy (administrators; changes validated, versioned and audited): the route
 * tree, inhibition rules, time intervals and maintenance mutes, and what it does with an alert.
 */
@RestController
@RequestMapping("/api/v1/alerting/policy")
class PolicyController {

  private final ManagePolicy manage;

  PolicyController(ManagePolicy manage) {
    this.manage = manage;
  }

  @Schema(
      name = "AlertPolicy",
      description =
          "The notification policy document with its version (0: the defaults, nothing saved yet)")
  record View(
      RouteSpec route,
      List<InhibitRuleSpec> inhibitRules,
      List<TimeIntervalSpec> timeIntervals,
      boolean muteDuringMaintenance,
      long version,
      @Nullable String updatedBy,
      @Nullable Instant updatedAt) {

    static View of(ManagePolicy.View v) {
      PolicyDocument d = v.document();
      return new View(
          d.route(),
          d.inhibitRules(),
          d.timeIntervals(),
          d.muteDuringMaintenance(),
          v.version(),
          v.updatedBy(),
          v.updatedAt());
    }
  }

  @Schema(
      name = "AlertPolicyChange",
      description =
          "The new document. With version, it replaces only that version (else 409"
              + " alerting.policy-conflict); updatedBy/updatedAt are ignored.")
  record Change(
      RouteSpec route,
      @Nullable List<InhibitRuleSpec> inhibitRules,
      @Nullable List<TimeIntervalSpec> timeIntervals,
      @Nullable Boolean muteDuringMaintenance,
      @Schema(description = "The version edited", nullable = true) @Nullable Long version,
      @Schema(nullable = true) @Nullable String updatedBy,
      @Schema(nullable = true) @Nullable Instant updatedAt) {

    PolicyDocument document() {
      return new PolicyDocument(route, inhibitRules, timeIntervals, muteDuringMaintenance);
    }
  }

  @Schema(name = "AlertPolicyValidation")
  record Validation(boolean valid, List<String> problems) {}

  @Schema(
      name = "AlertPolicyMatchRequest",
      description =
          "An alert's labels, and optionally a draft document to try instead of the saved one")
  record MatchRequest(Map<String, String> labels, @Nullable Change policy) {}

  @Schema(name = "AlertPolicyRouteMatch")
  record RouteMatch(
      @Schema(description = "The route's path, 0 the root, 0.1 its second child") String path,
      List<String> channels,
      Map<String, String> groupLabels,
      String groupKey,
      @Schema(description = "The time interval muting the route now, or inactive", nullable = true)
          @Nullable String mutedBy) {}

  @Schema(name = "AlertPolicyMatch")
  record Match(
      List<RouteMatch> routes,
      @Schema(description = "The channels that would be told now") List<String> channels,
      @Schema(description = "Active silences matching the labels") List<String> silencedBy,
      @Schema(description = "Held back by an inhibition rule (the cluster's firing alerts)")
          boolean inhibited,
      @Schema(description = "Its node is under an active NodeMaintenance") boolean maintenance,
      @Schema(description = "Whether a channel would be told now") boolean notified) {}

  @Operation(summary = "The notification policy (admin); the defaults while none is saved")
  @GetMapping
  View get(@Parameter(hidden = true) Caller caller) {
    return View.of(manage.get(caller));
  }

  @Operation(
      summary = "Replace the notification policy (admin, validated, audited)",
      description =
          "400 alerting.invalid-policy lists every problem; 409 alerting.policy-conflict when"
              + " version is not the newest")
  @PutMapping
  View put(@Parameter(hidden = true) Caller caller, @RequestBody Change change) {
    return View.of(manage.put(caller, change.document(), change.version()));
  }

  @Operation(summary = "Validate a policy document without saving it (admin)")
  @PostMapping("/validate")
  Validation validate(@Parameter(hidden = true) Caller caller, @RequestBody Change change) {
    List<String> problems = manage.validate(caller, change.document());
    return new Validation(problems.isEmpty(), problems);
  }

  @Operation(
      summary =
          "What the policy does with an alert's labels now: routes, channels, groups, silences,"
              + " inhibition, maintenance and mute timings (admin)")
  @PostMapping("/match")
  Match match(@Parameter(hidden = true) Caller caller, @RequestBody MatchRequest request) {
    ManagePolicy.Match m =
        manage.match(
            caller,
            request.labels() == null ? Map.of() : request.labels(),
            request.policy() == null ? null : request.policy().document());
    return new Match(
        m.routes().stream()
            .map(
                r ->
                    new RouteMatch(
                        r.path(), r.channels(), r.groupLabels(), r.groupKey(), r.mutedBy()))
            .toList(),
        m.channels(),
        m.silencedBy(),
        m.inhibited(),
        m.maintenance(),
        m.notified());
  }
}
