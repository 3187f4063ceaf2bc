package io.kubeward.server.alert.rules;

import io.kubeward.access.app.Caller;
import io.kubeward.alert.app.rule.AlertRuleView;
import io.kubeward.alert.app.rule.InvalidAlertRuleException;
import io.kubeward.alert.app.rule.ManageAlertRules;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.domain.rule.RuleProblem;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import io.kubeward.common.Names;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert rules (docs/API.md, section Alert rules): AlertRule and ClusterAlertRule objects, read and
 * written as the caller (impersonated), validated by the one validator before anything is written.
 */
@RestController
@RequestMapping("/api/v1")
class AlertRulesApi {

  private final ManageAlertRules rules;
  private final JsonMapper json;

  AlertRulesApi(ManageAlertRules rules, JsonMapper json) {
    this.rules = rules;
    this.json = json;
  }

  /**
   * The body of a PUT: the spec, and the resourceVersion the change is based on (optional: without
   * it the last writer wins). A whole object ({@code apiVersion}, {@code kind}, {@code metadata},
   * {@code spec}) is accepted too: its {@code spec} and {@code metadata.resourceVersion} are used.
   */
  @Schema(name = "AlertRuleWrite")
  record AlertRuleWrite(AlertRuleSpec spec, @Nullable String resourceVersion) {}

  /** The body of a validation. */
  @Schema(name = "AlertRuleValidationRequest")
  record ValidationRequest(
      @Schema(allowableValues = {"AlertRule", "ClusterAlertRule"}) @Nullable String kind,
      @Nullable String namespace,
      @Nullable String name,
      AlertRuleSpec spec) {}

  /** A runbook of the default alert rules (English, then 简体中文). */
  @Schema(name = "AlertRunbook")
  record Runbook(String name, String markdown) {}

  @Operation(
      summary = "The AlertRules (all namespaces) and ClusterAlertRules the caller may list",
      description =
          "Read as the caller; a kind the caller may not list is named in unreadable. Each rule"
              + " carries the controller's verdict (accepted, reason, message).")
  @GetMapping("/clusters/{cluster}/alert-rules")
  ManageAlertRules.AlertRuleList list(
      @Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return rules.list(caller, cluster);
  }

  @Operation(summary = "One ClusterAlertRule")
  @GetMapping("/clusters/{cluster}/alert-rules/{name}")
  AlertRuleView getClusterRule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    return rules.get(caller, cluster, RuleKind.ClusterAlertRule, null, name);
  }

  @Operation(
      summary = "Create or replace a ClusterAlertRule",
      description =
          "Validated first: an invalid rule answers 400 alert-rule.invalid with problems.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AlertRuleWrite.class))))
  @PutMapping("/clusters/{cluster}/alert-rules/{name}")
  AlertRuleView putClusterRule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name,
      @RequestBody Map<String, Object> body) {
    return rules.apply(
        caller,
        cluster,
        RuleKind.ClusterAlertRule,
        null,
        name,
        spec(body.get("spec")),
        resourceVersion(body));
  }

  @Operation(
      summary = "Create or replace a ClusterAlertRule from YAML (the console's YAML editor)",
      description = "The whole object or {spec, resourceVersion} as YAML, at most 256 KiB.")
  @PutMapping(
      value = "/clusters/{cluster}/alert-rules/{name}",
      consumes = {"application/yaml", "application/x-yaml"})
  AlertRuleView putClusterRuleYaml(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name,
      @RequestBody String body) {
    return putClusterRule(caller, cluster, name, yaml(body));
  }

  @Operation(summary = "Delete a ClusterAlertRule (its alerts resolve)")
  @DeleteMapping("/clusters/{cluster}/alert-rules/{name}")
  ResponseEntity<Void> deleteClusterRule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String name) {
    rules.delete(caller, cluster, RuleKind.ClusterAlertRule, null, name);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "One AlertRule")
  @GetMapping("/clusters/{cluster}/namespaces/{namespace}/alert-rules/{name}")
  AlertRuleView getRule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    return rules.get(caller, cluster, RuleKind.AlertRule, namespace, name);
  }

  @Operation(
      summary = "Create or replace an AlertRule (its conditions see only its namespace)",
      description =
          "Validated first: an invalid rule answers 400 alert-rule.invalid with problems.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = AlertRuleWrite.class))))
  @PutMapping("/clusters/{cluster}/namespaces/{namespace}/alert-rules/{name}")
  AlertRuleView putRule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody Map<String, Object> body) {
    return rules.apply(
        caller,
        cluster,
        RuleKind.AlertRule,
        namespace,
        name,
        spec(body.get("spec")),
        resourceVersion(body));
  }

  @Operation(
      summary = "Create or replace an AlertRule from YAML (the console's YAML editor)",
      description = "The whole object or {spec, resourceVersion} as YAML, at most 256 KiB.")
  @PutMapping(
      value = "/clusters/{cluster}/namespaces/{namespace}/alert-rules/{name}",
      consumes = {"application/yaml", "application/x-yaml"})
  AlertRuleView putRuleYaml(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name,
      @RequestBody String body) {
    return putRule(caller, cluster, namespace, name, yaml(body));
  }

  @Operation(summary = "Delete an AlertRule (its alerts resolve)")
  @DeleteMapping("/clusters/{cluster}/namespaces/{namespace}/alert-rules/{name}")
  ResponseEntity<Void> deleteRule(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String namespace,
      @PathVariable String name) {
    rules.delete(caller, cluster, RuleKind.AlertRule, namespace, name);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Validate a rule without writing it (the editor's check)",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = ValidationRequest.class))))
  @PostMapping("/clusters/{cluster}/alert-rules/validate")
  ManageAlertRules.RuleValidation validate(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Map<String, Object> body) {
    RuleKind kind =
        "AlertRule".equals(body.get("kind")) ? RuleKind.AlertRule : RuleKind.ClusterAlertRule;
    String namespace = text(body.get("namespace"));
    String name = text(body.get("name"));
    AlertRuleSpec spec;
    try {
      spec = spec(body.get("spec"));
    } catch (InvalidAlertRuleException e) {
      return new ManageAlertRules.RuleValidation(false, e.problems());
    }
    return rules.validate(kind, kind.namespaced() ? namespace : null, name, spec);
  }

  @Operation(
      summary = "Validate a rule written as YAML without writing it",
      description =
          "The whole object (kind, metadata.namespace, metadata.name, spec) as YAML; a YAML"
              + " syntax error is a problem of field yaml.")
  @PostMapping(
      value = "/clusters/{cluster}/alert-rules/validate",
      consumes = {"application/yaml", "application/x-yaml"})
  ManageAlertRules.RuleValidation validateYaml(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody String body) {
    Map<String, Object> object;
    try {
      object = new java.util.LinkedHashMap<>(yaml(body));
    } catch (InvalidAlertRuleException e) {
      return new ManageAlertRules.RuleValidation(false, e.problems());
    }
    if (object.get("metadata") instanceof Map<?, ?> metadata) {
      object.putIfAbsent("namespace", metadata.get("namespace"));
      object.putIfAbsent("name", metadata.get("name"));
    }
    return validate(caller, cluster, object);
  }

  /** Longest YAML body read. */
  static final int MAX_YAML = 256 * 1024;

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidAlertRuleException(List.of(new RuleProblem("yaml", "is empty")));
    }
    if (body.length() > MAX_YAML) {
      throw new InvalidAlertRuleException(
          List.of(new RuleProblem("yaml", "is longer than " + MAX_YAML + " characters")));
    }
    try {
      Object parsed =
          new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readValue(body, Object.class);
      if (!(parsed instanceof Map<?, ?> map)) {
        throw new InvalidAlertRuleException(
            List.of(new RuleProblem("yaml", "must be a mapping (an object)")));
      }
      return (Map<String, Object>) map;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidAlertRuleException(List.of(new RuleProblem("yaml", firstLine(e))));
    }
  }

  @Operation(summary = "The runbook of a default alert rule (docs/runbooks/alert.<name>.md)")
  @GetMapping("/alerting/runbooks/{name}")
  Runbook runbook(@PathVariable String name) {
    if (!Names.isObjectName(name) || name.length() > Names.MAX_LABEL) {
      throw notFound(name);
    }
    try (InputStream in =
        AlertRulesApi.class.getResourceAsStream("/io/kubeward/runbooks/alert." + name + ".md")) {
      if (in == null) {
        throw notFound(name);
      }
      return new Runbook(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KubewardException notFound(String name) {
    return new KubewardException(
        "alert-rule.runbook-not-found",
        ErrorKind.NOT_FOUND,
        "no alert runbook " + name,
        Map.of("name", name));
  }

  private AlertRuleSpec spec(@Nullable Object spec) {
    if (!(spec instanceof Map<?, ?>)) {
      throw new InvalidAlertRuleException(List.of(new RuleProblem("spec", "is required")));
    }
    try {
      return json.convertValue(spec, AlertRuleSpec.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new InvalidAlertRuleException(List.of(new RuleProblem("spec", firstLine(e))));
    }
  }

  @SuppressWarnings("unchecked")
  private static @Nullable String resourceVersion(Map<String, Object> body) {
    String direct = text(body.get("resourceVersion"));
    if (direct != null) {
      return direct;
    }
    if (body.get("metadata") instanceof Map<?, ?> metadata) {
      return text(((Map<String, Object>) metadata).get("resourceVersion"));
    }
    return null;
  }

  private static @Nullable String text(@Nullable Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static String firstLine(Exception e) {
    String text = e.getMessage();
    if (text == null) {
      return "malformed";
    }
    int nl = text.indexOf('\n');
    String line = nl < 0 ? text : text.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
