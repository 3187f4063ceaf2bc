package io.kubeward.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facts the diagnostic rules read, as the workload, network and config projections keep them.
 */
class DiagnosticFactsProjectionTest {

  static PodTemplateSpec template() {
    return new PodTemplateSpecBuilder()
        .withNewSpec()
        .addNewVolume()
        .withName("conf")
        .withNewConfigMap()
        .withName("web-conf")
        .endConfigMap()
        .endVolume()
        .addNewVolume()
        .withName("data")
        .withNewPersistentVolumeClaim()
        .withClaimName("web-data")
        .endPersistentVolumeClaim()
        .endVolume()
        .addNewVolume()
        .withName("proj")
        .withNewProjected()
        .addNewSource()
        .withNewSecret()
        .withName("proj-secret")
        .endSecret()
        .endSource()
        .endProjected()
        .endVolume()
        .addNewImagePullSecret("registry")
        .addNewContainer()
        .withName("web")
        .addNewPort()
        .withName("http")
        .withContainerPort(8080)
        .endPort()
        .addNewEnv()
        .withName("PASSWORD")
        .withNewValueFrom()
        .withNewSecretKeyRef("password", "db", false)
        .endValueFrom()
        .endEnv()
        .addNewEnvFrom()
        .withNewConfigMapRef("web-env", false)
        .endEnvFrom()
        .endContainer()
        .endSpec()
        .build();
  }

  @Test
  void deploymentKeepsConditionsPauseAndTemplateReferences() {
    DeploymentView view =
        WorkloadProjections.deployment(
            new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withPaused(true)
                .withTemplate(template())
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Progressing")
                .withStatus("False")
                .withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"web-1\" has timed out progressing.")
                .withLastTransitionTime("2026-12-01T10:00:00Z")
                .withLastUpdateTime("2026-12-01T10:05:00Z")
                .endCondition()
                .endStatus()
                .build());

    assertThat(view.paused()).isTrue();
    assertThat(view.condition("Progressing"))
        .isEqualTo(
            new ConditionView(
                "Progressing",
                "False",
                "ProgressDeadlineExceeded",
                "ReplicaSet \"web-1\" has timed out progressing.",
                Instant.parse("2026-12-01T10:00:00Z")));
    assertThat(view.condition("Available")).isNull();
    assertThat(view.template().configMaps()).containsExactly("web-conf", "web-env");
    assertThat(view.template().secrets()).containsExactly("db", "proj-secret", "registry");
    assertThat(view.template().claims()).containsExactly("web-data");
    assertThat(view.template().ports()).containsExactly(new NamedPort("http", 8080));
  }

  @Test
  void deploymentWithoutStatusHasNoConditionsAndAnEmptyTemplate() {
    DeploymentView view =
        WorkloadProjections.deployment(
            new DeploymentBuilder().withNewMetadata().withName("x").endMetadata().build());
    assertThat(view.conditions()).isEmpty();
    assertThat(view.template()).isSameAs(PodTemplateFacts.NONE);
  }

  @Test
  void serviceKeepsSelectorAndTargetPorts() {
    ServiceView view =
        NetworkProjections.service(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "web"))
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withTargetPort(new IntOrString("http"))
                .endPort()
                .addNewPort()
                .withPort(9090)
                .endPort()
                .endSpec()
                .build());

    assertThat(view.selector()).containsExactly(Map.entry("app", "web"));
    assertThat(view.servicePorts())
        .containsExactly(
            new ServicePortView("http", 80, "TCP", "http"),
            new ServicePortView(null, 9090, "TCP", null));
    assertThat(view.servicePorts().get(0).targetsName()).isTrue();
    assertThat(view.servicePorts().get(1).effectiveTargetPort()).isEqualTo("9090");
    assertThat(view.ports()).isEqualTo("80/TCP,9090/TCP");
  }

  @Test
  void ingressKeepsBackendsAndTlsSecrets() {
    ObjectView view =
        NetworkProjections.ingress(
            new IngressBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx")
                .withNewDefaultBackend()
                .withNewService()
                .withName("fallback")
                .withNewPort()
                .withName("http")
                .endPort()
                .endService()
                .endDefaultBackend()
                .addNewRule()
                .withHost("shop.example")
                .withNewHttp()
                .addNewPath()
                .withPath("/api")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName("api")
                .withNewPort()
                .withNumber(8080)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .addNewTl()
                .withSecretName("shop-tls")
                .endTl()
                .endSpec()
                .build());

    assertThat(view.fields().get("className")).isEqualTo("nginx");
    assertThat(view.fields().get("backends"))
        .isEqualTo(
            List.of(
                new IngressBackendView(null, null, true, "fallback", null, "http"),
                new IngressBackendView("shop.example", "/api", false, "api", 8080, null)));
    assertThat(view.fields().get("tlsSecrets")).isEqualTo(List.of("shop-tls"));
  }

  @Test
  void failedJobKeepsReasonAndMessage() {
    ObjectView view =
        WorkloadProjections.job(
            new JobBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("migrate")
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(2)
                .withTemplate(template())
                .endSpec()
                .withNewStatus()
                .withFailed(3)
                .addNewCondition()
                .withType("Failed")
                .withStatus("True")
                .withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit")
                .withLastTransitionTime("2026-12-01T10:00:00Z")
                .endCondition()
                .endStatus()
                .build());

    assertThat(view.status()).isEqualTo("Failed");
    assertThat(view.fields())
        .containsEntry("failed", 3)
        .containsEntry("backoffLimit", 2)
        .containsEntry("failedReason", "BackoffLimitExceeded")
        .containsEntry("failedSince", Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(((PodTemplateFacts) view.fields().get("template")).secrets()).contains("db");
  }

  @Test
  void autoscalerKeepsConditionsAndBudgetItsExpectedPods() {
    ObjectView hpa =
        WorkloadProjections.horizontalPodAutoscaler(
            new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("ScalingActive")
                .withStatus("False")
                .withReason("FailedGetResourceMetric")
                .withMessage("the HPA was unable to compute the replica count")
                .endCondition()
                .endStatus()
                .build());
    @SuppressWarnings("unchecked")
    List<ConditionView> conditions = (List<ConditionView>) hpa.fields().get("conditions");
    assertThat(conditions).singleElement().satisfies(c -> assertThat(c.isFalse()).isTrue());

    ObjectView pdb =
        WorkloadProjections.podDisruptionBudget(
            new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewStatus()
                .withExpectedPods(3)
                .withDisruptionsAllowed(0)
                .endStatus()
                .build());
    assertThat(pdb.fields())
        .containsEntry("expectedPods", 3)
        .containsEntry("disruptionsAllowed", 0);
  }

  @Test
  void tokenSecretsNameTheirServiceAccount() {
    ObjectView secret =
        ConfigProjections.secretMetadata(
            new GenericKubernetesResourceBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("builder-token")
                .withAnnotations(Map.of("kubernetes.io/service-account.name", "builder"))
                .endMetadata()
                .build());
    assertThat(secret.fields()).containsEntry("serviceAccount", "builder");
  }
}
