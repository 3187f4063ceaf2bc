package io.kubeward.server.alert.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.alert.app.AlertRuleSource;
import io.kubeward.alert.app.rule.RuleEvaluator;
import io.kubeward.alert.domain.AlertSample;
import io.kubeward.alert.domain.rule.AlertRuleSpec;
import io.kubeward.alert.domain.rule.AlertRuleSpec.AlertCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.CertificateCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.FindingCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.MetricCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.NodeHealthCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.PromqlCondition;
import io.kubeward.alert.domain.rule.AlertRuleSpec.RuleSelector;
import io.kubeward.alert.domain.rule.AlertRuleValidation;
import io.kubeward.alert.domain.rule.CompiledRule;
import io.kubeward.alert.domain.rule.DefaultRuleSet;
import io.kubeward.alert.domain.rule.RuleKind;
import io.kubeward.alert.kube.rule.AlertRuleResources;
import io.kubeward.alert.reconcile.DefaultAlertRules;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.prometheus.LocalPrometheus;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Alert rules on the local control plane: the CRDs installed, the default rule set created once and
 * accepted, rules written through the REST API as the caller and validated, and every condition
 * type evaluated against the real cluster (findings of a crash-looping pod, a node that is not
 * ready, usage and quota thresholds, PromQL against a real Prometheus, the apiserver's
 * certificate).
 */
@LocalControlPlane
class AlertRulesIT {

  private static final String CLUSTER = "local";
  private static final String C = "/api/v1/clusters/" + CLUSTER;
  private static final Duration WAIT = Duration.ofSeconds(90);
  @TempDir static Path dir;
  private static RunningServer server;
  private static Session admin;
  private static KubernetesClient kube;
  private static LocalPrometheus prometheus;
  private static RuleEvaluator evaluator;
  private static AlertRuleSource source;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.diagnostics.full-pass-interval=10s",
            "--kubeward.diagnostics.debounce=300ms",
            "--kubeward.node-health.scan-interval=1s",
            "--kubeward.alerting.rules.upkeep-interval=500ms");
    admin = server.admin();
    evaluator = server.context().getBean(RuleEvaluator.class);
    source = server.context().getBean(AlertRuleSource.class);
    URI management = URI.create(server.managementUrl("/metrics"));
    prometheus =
        LocalPrometheus.builder()
            .target(
                LocalPrometheus.StaticTarget.of(
                    "kubeward", "127.0.0.1:" + management.getPort(), "/metrics"))
            .start();
    RunningServer.Response saved =
        admin.put(
            C + "/prometheus",
            Map.of(
                "url",
                prometheus.baseUrl(),
                "auth",
                "none",
                "allowPrivateAddresses",
                true,
                "timeout",
                10));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (prometheus != null) {
      prometheus.close();
    }
    if (server != null) {
      server.close();
    }
  }

  // ------------------------------------------------------------------ defaults and REST

  @Test
  void theDefaultRulesAreCreatedOnceAcceptedAndNotCreatedAgainOnceDeleted() {
    List<String> defaults =
        DefaultRuleSet.all().stream().map(DefaultRuleSet.DefaultRule::name).toList();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode list = admin.get(C + "/alert-rules").json();
              Map<String, Boolean> accepted = new LinkedHashMap<>();
              for (JsonNode item : list.path("items")) {
                accepted.put(item.path("name").asString(), item.path("accepted").asBoolean(false));
              }
              for (String name : defaults) {
                assertThat(accepted).as(list.toString()).containsEntry(name, true);
              }
            });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(source.rules(CLUSTER))
                    .extracting(AlertRuleSource.LoadedRule::alertName)
                    .containsAll(defaults));
    await().atMost(WAIT).until(() -> source.ready(CLUSTER));
    JsonNode one = admin.get(C + "/alert-rules/node-not-ready").json();
    assertThat(one.path("defaultRule").asString()).isEqualTo(DefaultRuleSet.REVISION);
    assertThat(one.path("spec").path("condition").path("nodeHealth").path("types").toString())
        .contains("NotReady");
    assertThat(one.path("reason").asString()).isEqualTo("Valid");
    ConfigMap record =
        kube.configMaps().inNamespace("kubeward-system").withName(DefaultAlertRules.RECORD).get();
    assertThat(record.getData()).containsKeys(defaults.toArray(String[]::new));

    // a default deleted by a user is not created again ...
    assertThat(admin.delete(C + "/alert-rules/pvc-pending").status()).isEqualTo(204);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(source.rules(CLUSTER))
                    .extracting(AlertRuleSource.LoadedRule::alertName)
                    .doesNotContain("pvc-pending"));
    DefaultAlertRules again = new DefaultAlertRules("kubeward-system", Clock.systemUTC());
    assertThat(again.ensure(CLUSTER, kube)).isEmpty();
    assertThat(admin.get(C + "/alert-rules/pvc-pending").status()).isEqualTo(404);
    // ... until its name is removed from the record
    kube.configMaps()
        .inNamespace("kubeward-system")
        .withName(DefaultAlertRules.RECORD)
        .edit(
            cm -> {
              cm.getData().remove("pvc-pending");
              return cm;
            });
    assertThat(again.ensure(CLUSTER, kube)).containsExactly("pvc-pending");
    assertThat(admin.get(C + "/alert-rules/pvc-pending").status()).isEqualTo(200);
  }

  @Test
  void restValidatesWritesAsTheCallerAndTheControllerWritesItsVerdict(TestNamespace ns) {
    Map<String, Object> invalid =
        Map.of(
            "spec",
            Map.of(
                "severity",
                "urgent",
                "for",
                "48h",
                "condition",
                Map.of("nodeHealth", Map.of("types", List.of("NotReady")))));
    RunningServer.Response refused =
        admin.put(C + "/namespaces/" + ns.name() + "/alert-rules/bad", invalid);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.problemCode()).isEqualTo("alert-rule.invalid");
    assertThat(refused.json().path("problems").toString())
        .contains("spec.severity", "spec.for", "spec.condition.nodeHealth");
    assertThat(admin.get(C + "/namespaces/" + ns.name() + "/alert-rules/bad").status())
        .isEqualTo(404);

    JsonNode validation =
        admin
            .post(
                C + "/alert-rules/validate",
                Map.of(
                    "kind",
                    "AlertRule",
                    "namespace",
                    ns.name(),
                    "name",
                    "x",
                    "spec",
                    invalid.get("spec")))
            .json();
    assertThat(validation.path("valid").asBoolean()).isFalse();
    assertThat(validation.path("problems").size()).isEqualTo(3);

    Map<String, Object> spec =
        Map.of(
            "severity",
            "warning",
            "for",
            "0s",
            "condition",
            Map.of(
                "metric",
                Map.of(
                    "target",
                    "namespace",
                    "resource",
                    "pods",
                    "measure",
                    "used",
                    "operator",
                    ">=",
                    "threshold",
                    0)),
            "labels",
            Map.of("team", "shop"),
            "annotations",
            Map.of("summary", "{{ $labels.namespace }} has {{ $value }} pods"));
    RunningServer.Response created =
        admin.put(C + "/namespaces/" + ns.name() + "/alert-rules/pods", Map.of("spec", spec));
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    String key = ns.name() + "/pods";
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode rule =
                  admin.get(C + "/namespaces/" + ns.name() + "/alert-rules/pods").json();
              assertThat(rule.path("accepted").asBoolean(false)).as(rule.toString()).isTrue();
              assertThat(rule.path("observedGeneration").asLong()).isEqualTo(1);
            });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(source.rules(CLUSTER)).extracting(r -> r.key().value()).contains(key));
    AlertRuleSource.LoadedRule loaded =
        source.rules(CLUSTER).stream().filter(r -> r.key().value().equals(key)).findFirst().get();
    assertThat(loaded.labels()).containsEntry("team", "shop");
    AlertRuleSource.Evaluation evaluation = source.evaluate(CLUSTER, loaded, Instant.now());
    assertThat(evaluation.failed()).as(evaluation.error()).isFalse();
    assertThat(evaluation.samples()).hasSize(1);
    assertThat(evaluation.samples().getFirst().labels()).containsEntry("namespace", ns.name());
    assertThat(evaluation.samples().getFirst().annotations().get("summary"))
        .isEqualTo(ns.name() + " has 0 pods");

    // the console's YAML editor: the whole object as YAML
    String yaml =
        """
        apiVersion: kubeward.io/v1alpha1
        kind: ClusterAlertRule
        metadata:
          name: %s
        spec:
          severity: info
          for: 30s
          condition:
            metric: { target: cluster, resource: pods, measure: used, operator: ">=", threshold: 0 }
          annotations:
            summary: "{{ $value }} pods"
        """
            .formatted(ns.name());
    RunningServer.Response fromYaml =
        admin.send(
            "PUT",
            C + "/alert-rules/" + ns.name(),
            yaml,
            Map.of("Content-Type", "application/yaml"));
    assertThat(fromYaml.status()).as(fromYaml.body()).isEqualTo(200);
    assertThat(fromYaml.json().path("spec").path("for").asString()).isEqualTo("30s");
    RunningServer.Response badYaml =
        admin.send(
            "POST",
            C + "/alert-rules/validate",
            "kind: ClusterAlertRule\nspec: [unclosed",
            Map.of("Content-Type", "application/yaml"));
    assertThat(badYaml.status()).as(badYaml.body()).isEqualTo(200);
    assertThat(badYaml.json().path("problems").get(0).path("field").asString()).isEqualTo("yaml");
    assertThat(admin.delete(C + "/alert-rules/" + ns.name()).status()).isEqualTo(204);

    // an object written past the REST API (kubectl, GitOps) is judged by the controller
    GenericKubernetesResource direct =
        AlertRuleResources.newResource(
            RuleKind.AlertRule,
            ns.name(),
            "direct",
            new AlertRuleSpec(
                true,
                "info",
                "1m",
                new AlertCondition(null, null, null, new PromqlCondition("up"), null),
                Map.of(),
                Map.of()),
            null,
            null);
    kube.genericKubernetesResources(AlertRuleResources.ALERT_RULE).resource(direct).create();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode rule =
                  admin.get(C + "/namespaces/" + ns.name() + "/alert-rules/direct").json();
              assertThat(rule.path("accepted").isBoolean()).as(rule.toString()).isTrue();
              assertThat(rule.path("accepted").asBoolean()).isFalse();
              assertThat(rule.path("reason").asString()).isEqualTo("Invalid");
              assertThat(rule.path("message").asString()).contains("spec.condition.promql");
            });
    assertThat(source.rules(CLUSTER))
        .extracting(r -> r.key().value())
        .doesNotContain(ns.name() + "/direct");

    assertThat(admin.delete(C + "/namespaces/" + ns.name() + "/alert-rules/pods").status())
        .isEqualTo(204);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(source.rules(CLUSTER))
                    .extracting(r -> r.key().value())
                    .doesNotContain(key));
  }

  @Test
  void theClustersRbacDecidesWhoMayChangeRules(TestNamespace ns) {
    String name = "rules-op-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    Session operator =
        server.newUser(
            name, List.of(Map.of("role", "operator", "cluster", CLUSTER, "namespace", ns.name())));
    Map<String, Object> spec =
        Map.of(
            "severity",
            "warning",
            "condition",
            Map.of("finding", Map.of("rules", List.of("pod.crash-loop"))));
    // edit (aggregated) covers AlertRules in the namespace ...
    RunningServer.Response own =
        operator.put(C + "/namespaces/" + ns.name() + "/alert-rules/mine", Map.of("spec", spec));
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    // ... but not ClusterAlertRules: the apiserver refuses the impersonated request
    RunningServer.Response cluster = operator.put(C + "/alert-rules/" + name, Map.of("spec", spec));
    assertThat(cluster.status()).as(cluster.body()).isEqualTo(403);
    assertThat(cluster.body()).contains("clusteralertrules");
    // the list shows the rules of its namespace and says it may not list ClusterAlertRules
    JsonNode list = operator.get(C + "/alert-rules").json();
    assertThat(list.path("unreadable").toString()).contains("ClusterAlertRule");
    List<String> names = new ArrayList<>();
    list.path("items")
        .forEach(i -> names.add(i.path("namespace").asString() + "/" + i.path("name").asString()));
    assertThat(names).containsExactly(ns.name() + "/mine");
    assertThat(operator.delete(C + "/namespaces/" + ns.name() + "/alert-rules/mine").status())
        .isEqualTo(204);
  }

  // ------------------------------------------------------------------ conditions

  @Test
  void aFindingConditionSeesTheCrashLoopingPodWithItsNode(TestNamespace ns) {
    kube.pods().inNamespace(ns.name()).resource(pod("crash", "CrashLoopBackOff")).create();
    CompiledRule rule =
        compile(
            RuleKind.AlertRule,
            ns.name(),
            new AlertCondition(
                new FindingCondition(List.of("pod.crash-loop"), null, List.of("Pod"), null, null),
                null,
                null,
                null,
                null),
            Map.of(
                "summary", "{{ $object }} crashes on {{ $labels.node }}",
                "runbook_url", "{{ $runbook }}"));
    AlertSample sample = awaitSamples(rule, 1).getFirst();
    assertThat(sample.labels())
        .containsEntry("namespace", ns.name())
        .containsEntry("kind", "Pod")
        .containsEntry("name", "crash")
        .containsEntry("pod", "crash")
        .containsEntry("finding_rule", "pod.crash-loop")
        .containsKey("node");
    assertThat(sample.annotations().get("summary"))
        .isEqualTo("Pod " + ns.name() + "/crash crashes on " + sample.labels().get("node"));
    assertThat(sample.annotations().get("runbook_url"))
        .isEqualTo("/api/v1/diagnostics/rules/pod.crash-loop/runbook");
    assertThat(sample.annotations().get("description.zh-CN")).isNotBlank();

    CompiledRule otherLabels =
        compile(
            RuleKind.AlertRule,
            ns.name(),
            new AlertCondition(
                new FindingCondition(
                    List.of("pod.crash-loop"),
                    null,
                    null,
                    null,
                    new RuleSelector(Map.of("app", "other"), null)),
                null,
                null,
                null,
                null),
            Map.of());
    assertThat(evaluate(otherLabels).samples()).isEmpty();
  }

  @Test
  void aNodeHealthConditionSeesANodeThatIsNotReady() {
    String node = "alert-it-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
    kube.nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(node)
                .addToLabels("alert-it", "yes")
                .endMetadata()
                .withNewSpec()
                .withUnschedulable(true)
                .endSpec()
                .build())
        .create();
    try {
      // the node controller may write the node meanwhile (a 409): try again until it holds
      await()
          .atMost(WAIT)
          .ignoreExceptions()
          .until(
              () -> {
                kube.nodes()
                    .withName(node)
                    .editStatus(
                        n -> {
                          n.getStatus()
                              .setConditions(
                                  List.of(
                                      new NodeConditionBuilder()
                                          .withType("Ready")
                                          .withStatus("False")
                                          .withReason("KubeletNotReady")
                                          .withMessage("alert rules IT")
                                          .withLastHeartbeatTime(Instant.now().toString())
                                          .withLastTransitionTime(Instant.now().toString())
                                          .build()));
                          return n;
                        });
                return true;
              });
      CompiledRule rule =
          compile(
              RuleKind.ClusterAlertRule,
              null,
              new AlertCondition(
                  null,
                  new NodeHealthCondition(
                      List.of("NotReady", "Unknown"),
                      new RuleSelector(Map.of("alert-it", "yes"), null)),
                  null,
                  null,
                  null),
              Map.of("summary", "{{ $labels.node }} is {{ $labels.type }}"));
      List<AlertSample> samples = awaitSamples(rule, 1);
      assertThat(samples).allSatisfy(s -> assertThat(s.labels()).containsEntry("node", node));
      assertThat(samples.getFirst().labels().get("type")).isIn("NotReady", "Unknown");
      assertThat(samples.getFirst().annotations().get("summary")).startsWith(node + " is ");
    } finally {
      kube.nodes().withName(node).delete();
    }
  }

  @Test
  void metricConditionsCompareRequestsCountsAndQuotas(TestNamespace ns) {
    kube.resourceQuotas()
        .inNamespace(ns.name())
        .resource(
            new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("pods")
                .endMetadata()
                .withNewSpec()
                .addToHard("pods", new Quantity("2"))
                .endSpec()
                .build())
        .create();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var q = kube.resourceQuotas().inNamespace(ns.name()).withName("pods").get();
              return q.getStatus() != null && q.getStatus().getHard() != null;
            });
    kube.pods().inNamespace(ns.name()).resource(pod("a", null)).create();
    kube.pods().inNamespace(ns.name()).resource(pod("b", null)).create();

    CompiledRule count =
        compile(
            RuleKind.AlertRule,
            ns.name(),
            new AlertCondition(
                null,
                null,
                new MetricCondition("namespace", "pods", "used", ">=", 2.0, null, null),
                null,
                null),
            Map.of());
    AlertSample counted = awaitSamples(count, 1).getFirst();
    assertThat(counted.value()).isEqualTo(2.0);
    assertThat(counted.labels()).isEqualTo(Map.of("namespace", ns.name()));

    CompiledRule requests =
        compile(
            RuleKind.AlertRule,
            ns.name(),
            new AlertCondition(
                null,
                null,
                new MetricCondition("pod", "cpu", "requests", ">=", 10.0, null, null),
                null,
                null),
            Map.of());
    List<AlertSample> pods = awaitSamples(requests, 2);
    assertThat(pods).extracting(s -> s.labels().get("pod")).containsExactlyInAnyOrder("a", "b");
    assertThat(pods).allSatisfy(s -> assertThat(s.value()).isEqualTo(10.0));

    CompiledRule quota =
        compile(
            RuleKind.AlertRule,
            ns.name(),
            new AlertCondition(
                null,
                null,
                new MetricCondition("namespace", "pods", "usedOfQuota", ">=", 1.0, null, null),
                null,
                null),
            Map.of());
    assertThat(awaitSamples(quota, 1).getFirst().value()).isEqualTo(1.0);

    CompiledRule above =
        compile(
            RuleKind.AlertRule,
            ns.name(),
            new AlertCondition(
                null,
                null,
                new MetricCondition("namespace", "pods", "used", ">", 2.0, null, null),
                null,
                null),
            Map.of());
    assertThat(evaluate(above).samples()).isEmpty();
  }

  @Test
  void aPromqlConditionAsksTheConfiguredPrometheus() {
    prometheus.awaitSamples("up{job=\"kubeward\"}", Duration.ofSeconds(60));
    CompiledRule up =
        compile(
            RuleKind.ClusterAlertRule,
            null,
            new AlertCondition(
                null, null, null, new PromqlCondition("up{job=\"kubeward\"} == 1"), null),
            Map.of("summary", "{{ $labels.job }} is up ({{ $value }})"));
    AlertSample sample = awaitSamples(up, 1).getFirst();
    assertThat(sample.labels()).containsEntry("job", "kubeward").doesNotContainKey("__name__");
    assertThat(sample.value()).isEqualTo(1.0);
    assertThat(sample.annotations().get("summary")).isEqualTo("kubeward is up (1)");

    CompiledRule down =
        compile(
            RuleKind.ClusterAlertRule,
            null,
            new AlertCondition(
                null, null, null, new PromqlCondition("up{job=\"kubeward\"} == 0"), null),
            Map.of());
    AlertRuleSource.Evaluation none = evaluate(down);
    assertThat(none.failed()).as(none.error()).isFalse();
    assertThat(none.samples()).isEmpty();

    CompiledRule broken =
        compile(
            RuleKind.ClusterAlertRule,
            null,
            new AlertCondition(null, null, null, new PromqlCondition("up{"), null),
            Map.of());
    assertThat(evaluate(broken).failed()).isTrue();
    CompiledRule scalar =
        compile(
            RuleKind.ClusterAlertRule,
            null,
            new AlertCondition(null, null, null, new PromqlCondition("1"), null),
            Map.of());
    assertThat(evaluate(scalar).error()).contains("scalar");
  }

  @Test
  void anApiserverCertificateConditionReadsTheServingCertificate() {
    CompiledRule soon =
        compile(
            RuleKind.ClusterAlertRule,
            null,
            new AlertCondition(null, null, null, null, new CertificateCondition("87600h")),
            Map.of("summary", "expires in {{ $value }} days"));
    AlertRuleSource.Evaluation evaluation = evaluate(soon);
    assertThat(evaluation.failed()).as(evaluation.error()).isFalse();
    assertThat(evaluation.samples()).hasSize(1);
    AlertSample sample = evaluation.samples().getFirst();
    assertThat(sample.labels()).isEmpty();
    assertThat(sample.value()).isGreaterThan(0.0).isLessThan(3650.0);
    assertThat(sample.annotations()).containsKey("expires_at");
    CompiledRule notYet =
        compile(
            RuleKind.ClusterAlertRule,
            null,
            new AlertCondition(null, null, null, null, new CertificateCondition("1h")),
            Map.of());
    assertThat(evaluate(notYet).samples()).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private static CompiledRule compile(
      RuleKind kind, String namespace, AlertCondition condition, Map<String, String> annotations) {
    AlertRuleValidation.Verdict verdict =
        AlertRuleValidation.validate(
            kind,
            namespace,
            "it-" + ThreadLocalRandom.current().nextInt(1_000_000),
            new AlertRuleSpec(true, "warning", "0s", condition, Map.of(), annotations),
            1);
    assertThat(verdict.problems()).isEmpty();
    return verdict.rule();
  }

  private static AlertRuleSource.Evaluation evaluate(CompiledRule rule) {
    return evaluator.evaluate(CLUSTER, rule, Instant.now());
  }

  private static List<AlertSample> awaitSamples(CompiledRule rule, int count) {
    List<AlertSample> found = new ArrayList<>();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              AlertRuleSource.Evaluation evaluation = evaluate(rule);
              assertThat(evaluation.failed()).as(evaluation.error()).isFalse();
              assertThat(evaluation.samples()).hasSize(count);
              found.clear();
              found.addAll(evaluation.samples());
            });
    return found;
  }

  private static Pod pod(String name, String state) {
    PodBuilder builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels("app", name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("app")
            .withImage("shop/web:1")
            .withNewResources()
            .addToRequests("cpu", new Quantity("10m"))
            .addToLimits("memory", new Quantity("64Mi"))
            .endResources()
            .endContainer()
            .endSpec();
    if (state != null) {
      builder.editMetadata().addToLabels("sim.kubeward.io/state", state).endMetadata();
    }
    return builder.build();
  }
}
