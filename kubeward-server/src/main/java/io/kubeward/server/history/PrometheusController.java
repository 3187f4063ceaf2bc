package io.kubeward.server.history;

import io.kubeward.access.app.Caller;
import io.kubeward.history.app.ManagePrometheus;
import io.kubeward.history.app.PrometheusException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A cluster's Prometheus (administrators only; changes audited). Secrets are write-only: the answer
 * says whether one is stored, never what it is.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/prometheus")
class PrometheusController {

  private final ManagePrometheus manage;

  PrometheusController(ManagePrometheus manage) {
    this.manage = manage;
  }

  @Schema(name = "PrometheusTls")
  record Tls(
      @Schema(description = "Accept any certificate and host name (tests only)")
          @Nullable Boolean insecureSkipVerify,
      @Schema(
              description = "PEM certificates of the CA to trust instead of the JDK's",
              nullable = true)
          @Nullable String caPem) {}

  @Schema(
      name = "PrometheusSettingsChange",
      description =
          "A cluster's Prometheus. Secrets are write-only: leave bearerToken/password out to keep"
              + " the stored one (same auth kind).")
  record Change(
      @Schema(description = "Base URL, e.g. http://prometheus.monitoring:9090") String url,
      @Schema(
              allowableValues = {"none", "bearer", "basic"},
              nullable = true)
          @Nullable String auth,
      @Schema(description = "Basic-auth user", nullable = true) @Nullable String username,
      @Schema(description = "Bearer token (write-only)", nullable = true)
          @Nullable String bearerToken,
      @Schema(description = "Basic-auth password (write-only)", nullable = true)
          @Nullable String password,
      @Nullable Tls tls,
      @Schema(
              description =
                  "Allow loopback, link-local, cloud metadata, unspecified and multicast addresses"
                      + " (refused by default: SSRF guard)",
              nullable = true)
          @Nullable Boolean allowPrivateAddresses,
      @Schema(
              description = "Request timeout in seconds (1 to the server's maximum; default 10)",
              nullable = true)
          @Nullable Double timeout) {

    @Override
    public String toString() {
      return "Change[url=" + url + ", auth=" + auth + "]";
    }
  }

  @Schema(name = "PrometheusSettings", description = "A cluster's Prometheus; secrets never shown")
  record View(
      String cluster,
      String url,
      @Schema(allowableValues = {"none", "bearer", "basic"}) String auth,
      @Nullable String username,
      @Schema(description = "Whether a bearer token or password is stored") boolean secretStored,
      Tls tls,
      boolean allowPrivateAddresses,
      @Schema(description = "Request timeout in seconds") double timeout,
      String updatedBy,
      Instant updatedAt) {

    static View of(ManagePrometheus.View v) {
      return new View(
          v.cluster(),
          v.url(),
          v.auth(),
          v.username(),
          v.secretStored(),
          new Tls(v.insecureSkipVerify(), v.caPem()),
          v.allowPrivateAddresses(),
          v.timeout().toMillis() / 1000.0,
          v.updatedBy(),
          v.updatedAt());
    }
  }

  @Schema(name = "PrometheusCheck")
  record Check(
      boolean reachable,
      @Schema(nullable = true) @Nullable String version,
      @Schema(description = "Detected: cadvisor, kube-state-metrics, node-exporter, kubeward")
          List<String> families,
      @Schema(description = "Not found; history metrics that need them are listed as missing")
          List<String> missingFamilies,
      @Schema(nullable = true) @Nullable String error,
      @Schema(description = "The problem code of the error", nullable = true)
          @Nullable String errorCode) {}

  @Operation(summary = "The cluster's Prometheus settings (admin); 404 if none")
  @GetMapping
  View get(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return manage
        .get(caller, cluster)
        .map(View::of)
        .orElseThrow(() -> PrometheusException.notConfigured(cluster));
  }

  @Operation(summary = "Configure the cluster's Prometheus (admin, audited; SSRF-checked)")
  @PutMapping
  View put(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Change change) {
    Duration timeout =
        change.timeout() == null || change.timeout().isNaN()
            ? null
            : Duration.ofMillis((long) Math.min(change.timeout() * 1000, Long.MAX_VALUE / 2));
    return View.of(
        manage.put(
            caller,
            cluster,
            new ManagePrometheus.Change(
                change.url(),
                change.auth(),
                change.username(),
                change.bearerToken(),
                change.password(),
                change.tls() == null ? null : change.tls().insecureSkipVerify(),
                change.tls() == null ? null : change.tls().caPem(),
                change.allowPrivateAddresses(),
                timeout)));
  }

  @Operation(summary = "Remove the cluster's Prometheus (admin, audited)")
  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    manage.delete(caller, cluster);
  }

  @Operation(
      summary =
          "Check the cluster's Prometheus (admin): reachability, version and detected metric"
              + " families")
  @PostMapping("/check")
  Check check(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    ManagePrometheus.Check c = manage.check(caller, cluster);
    return new Check(
        c.reachable(), c.version(), c.families(), c.missingFamilies(), c.error(), c.errorCode());
  }
}
