package io.kubeward.server.exec;

import io.kubeward.access.app.Caller;
import io.kubeward.exec.app.ExecSettings;
import io.kubeward.exec.domain.ExecCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A cluster's exec switch: read by anyone who sees the cluster (the console hides the terminal when
 * it is off), changed by administrators (audited {@code exec.configure}). The exec and port-forward
 * sessions themselves are WebSockets ({@link ExecSocket}, {@link ForwardSocket}).
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/exec-settings")
class ExecSettingsController {

  private final ExecSettings settings;

  ExecSettingsController(ExecSettings settings) {
    this.settings = settings;
  }

  @Schema(name = "ExecSettings")
  record View(
      String cluster,
      @Schema(description = "Whether exec and port-forward are enabled on the cluster")
          boolean enabled,
      @Schema(description = "The shells the console offers") List<String> shells,
      @Schema(description = "Who last changed the switch", nullable = true)
          @Nullable String updatedBy,
      @Schema(nullable = true) @Nullable Instant updatedAt) {

    static View of(ExecSettings.View view) {
      return new View(
          view.cluster(), view.enabled(), ExecCommand.SHELLS, view.updatedBy(), view.updatedAt());
    }
  }

  @Schema(name = "ExecSettingsChange")
  record Change(@Schema(description = "Enable or disable exec and port-forward") boolean enabled) {}

  @GetMapping
  @Operation(
      operationId = "execSettings",
      summary = "Whether exec and port-forward are enabled on the cluster")
  View get(Caller caller, @PathVariable String cluster) {
    return View.of(settings.get(caller, cluster));
  }

  @PutMapping
  @Operation(
      operationId = "setExecSettings",
      summary = "Enable or disable exec and port-forward on the cluster (administrators)")
  View put(Caller caller, @PathVariable String cluster, @RequestBody Change change) {
    return View.of(settings.set(caller, cluster, change.enabled()));
  }
}
