package io.kubeward.server.alert.routing;

import io.kubeward.access.app.Caller;
import io.kubeward.alert.app.routing.ManageSilences;
import io.kubeward.alert.domain.routing.InvalidRoutingException;
import io.kubeward.alert.domain.routing.Silence;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Silences: administrators see and change all; others see those whose {@code cluster} matcher names
 * a cluster they see, and create, change or expire them where they operate that cluster. Every
 * change is audited and recorded in the alerting history.
 */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

  private final ManageSilences manage;

  SilenceController(ManageSilences manage) {
    this.manage = manage;
  }

  @Schema(name = "SilenceRequest")
  record Request(
      @Schema(description = "Prometheus-style matchers, e.g. cluster=\"local\"")
          List<String> matchers,
      @Schema(description = "Default: now", nullable = true) @Nullable Instant startsAt,
      Instant endsAt,
      String comment) {}

  @Schema(name = "Silence")
  record View(
      String id,
      List<String> matchers,
      Instant startsAt,
      Instant endsAt,
      String comment,
      String createdBy,
      Instant createdAt,
      @Nullable String updatedBy,
      @Nullable Instant updatedAt,
      @Schema(allowableValues = {"pending", "active", "expired"}) String state,
      @Schema(description = "The cluster its cluster matcher names", nullable = true)
          @Nullable String cluster) {

    static View of(ManageSilences.View v) {
      Silence s = v.silence();
      return new View(
          s.id(),
          s.matcherTexts(),
          s.startsAt(),
          s.endsAt(),
          s.comment(),
          s.createdBy(),
          s.createdAt(),
          s.updatedBy(),
          s.updatedAt(),
          v.state().label(),
          s.cluster().orElse(null));
    }
  }

  private static ManageSilences.Request request(Request r) {
    return new ManageSilences.Request(r.matchers(), r.startsAt(), r.endsAt(), r.comment());
  }

  @Operation(summary = "The silences the caller may see, newest first")
  @GetMapping
  List<View> list(
      @Parameter(hidden = true) Caller caller,
      @Parameter(description = "pending, active or expired") @RequestParam(required = false)
          @Nullable String state,
      @Parameter(description = "At most this many (1..1000, default 500)")
          @RequestParam(required = false)
          @Nullable Integer limit) {
    Silence.State s = null;
    if (state != null && !state.isBlank()) {
      s =
          Silence.State.ofLabel(state)
              .orElseThrow(
                  () ->
                      InvalidRoutingException.silence(
                          List.of("state: one of pending, active, expired")));
    }
    int n = limit == null ? 500 : limit;
    if (n < 1 || n > ManageSilences.MAX_LIST) {
      throw InvalidRoutingException.silence(List.of("limit: 1 to " + ManageSilences.MAX_LIST));
    }
    return manage.list(caller, s, n).stream().map(View::of).toList();
  }

  @Operation(
      summary =
          "Create a silence (an operator of the cluster its cluster matcher names, or an"
              + " administrator; audited)")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  View create(@Parameter(hidden = true) Caller caller, @RequestBody Request body) {
    return View.of(manage.create(caller, request(body)));
  }

  @Operation(summary = "One silence")
  @GetMapping("/{id}")
  View get(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
    return View.of(manage.get(caller, id));
  }

  @Operation(summary = "Change a pending or active silence (audited)")
  @PutMapping("/{id}")
  View update(
      @Parameter(hidden = true) Caller caller, @PathVariable String id, @RequestBody Request body) {
    return View.of(manage.update(caller, id, request(body)));
  }

  @Operation(summary = "Expire a silence now (audited); answers it expired")
  @DeleteMapping("/{id}")
  View expire(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
    return View.of(manage.expire(caller, id));
  }
}
