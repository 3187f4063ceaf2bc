package io.kubeward.server.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.RunningServer.Response;
import io.kubeward.server.RunningServer.Session;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Security posture through the REST API on the local control plane: fixture workloads in a risky
 * namespace (privileged pod, hostPath, {@code :latest}, Secret in env, NodePort Service, no
 * NetworkPolicy, a binding to cluster-admin) and a clean namespace; scores, exceptions (audited,
 * removing the finding's weight, expiring) and the report download. No PSA enforce label on the
 * risky namespace, so the apiserver admits the pods.
 */
@LocalControlPlane
class PostureIT {

  private static final String CLUSTER = "local";
  private static final String P = "/api/v1/clusters/" + CLUSTER + "/posture";
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  @TempDir static Path dir;
  private static RunningServer server;
  private static KubernetesClient kube;
  private static Session admin;

  @BeforeAll
  static void start(ControlPlane controlPlane) {
    kube = controlPlane.newAdminClient();
    server =
        RunningServer.start(
            "--kubeconfig",
            controlPlane.kubewardKubeconfig().toString(),
            "--kubeward.cluster-name=" + CLUSTER,
            "--kubeward.data-dir=" + dir.resolve("data"),
            "--kubeward.posture.cache-for=0s");
    admin = server.admin();
    await().atMost(DEADLINE).until(() -> admin.get(P + "/checks").status() == 200);
  }

  @AfterAll
  static void stop() {
    if (kube != null) {
      kube.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static ContainerBuilder hardenedContainer(String image) {
    return new ContainerBuilder()
        .withName("app")
        .withImage(image)
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("16Mi")))
        .withLimits(Map.of("memory", new Quantity("32Mi")))
        .endResources()
        .withNewReadinessProbe()
        .withNewTcpSocket()
        .withNewPort(8080)
        .endTcpSocket()
        .endReadinessProbe()
        .withNewLivenessProbe()
        .withNewTcpSocket()
        .withNewPort(8080)
        .endTcpSocket()
        .endLivenessProbe();
  }

  private static void cleanNamespace(String ns) {
    kube.namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(ns)
                .addToLabels("pod-security.kubernetes.io/enforce", "baseline")
                .endMetadata()
                .build())
        .create();
    kube.network()
        .v1()
        .networkPolicies()
        .inNamespace(ns)
        .resource(
            new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("default-deny")
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector()
                .endPodSelector()
                .withPolicyTypes("Ingress", "Egress")
                .endSpec()
                .build())
        .create();
    kube.serviceAccounts()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                .withNewMetadata()
                .withName("app")
                .endMetadata()
                .build())
        .create();
    kube.pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("tidy")
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName("app")
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(1000L)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withContainers(hardenedContainer("registry.example/app:1.0.0").build())
                .endSpec()
                .build())
        .create();
  }

  private static void riskyNamespace(String ns) {
    kube.pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("privileged")
                .endMetadata()
                .withNewSpec()
                .withContainers(
                    new ContainerBuilder()
                        .withName("app")
                        .withImage("nginx:latest")
                        .withNewSecurityContext()
                        .withPrivileged(true)
                        .endSecurityContext()
                        .addNewEnv()
                        .withName("DB_PASSWORD")
                        .withNewValueFrom()
                        .withNewSecretKeyRef("password", "db", true)
                        .endValueFrom()
                        .endEnv()
                        .build())
                .endSpec()
                .build())
        .create();
    kube.pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("hostpath")
                .endMetadata()
                .withNewSpec()
                .withContainers(hardenedContainer("registry.example/app:1.0.0").build())
                .addNewVolume()
                .withName("logs")
                .withNewHostPath()
                .withPath("/var/log")
                .endHostPath()
                .endVolume()
                .endSpec()
                .build())
        .create();
    kube.services()
        .inNamespace(ns)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("exposed")
                .endMetadata()
                .withNewSpec()
                .withType("NodePort")
                .addNewPort()
                .withPort(80)
                .endPort()
                .withSelector(Map.of("app", "x"))
                .endSpec()
                .build())
        .create();
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asString();
  }

  private static List<String> findings(JsonNode report, String ns) {
    List<String> found = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (ns.equals(text(f.path("namespace")))) {
        found.add(
            f.path("check").asString()
                + ":"
                + f.path("kind").asString()
                + "/"
                + f.path("name").asString());
      }
    }
    return found;
  }

  private static int namespaceScore(JsonNode report, String ns) {
    for (JsonNode n : report.path("namespaces")) {
      if (ns.equals(n.path("namespace").asString())) {
        return n.path("score").path("score").asInt();
      }
    }
    throw new AssertionError("no score for namespace " + ns + " in " + report);
  }

  private static JsonNode finding(JsonNode report, String check, String ns, String name) {
    for (JsonNode f : report.path("findings")) {
      if (check.equals(f.path("check").asString())
          && ns.equals(text(f.path("namespace")))
          && name.equals(f.path("name").asString())) {
        return f;
      }
    }
    throw new AssertionError("no finding " + check + " " + ns + "/" + name);
  }

  private static Response except(
      String check, String ns, String kind, String name, Instant expires) {
    return admin.post(
        P + "/exceptions",
        Map.of(
            "check", check,
            "scope", "object",
            "namespace", ns,
            "kind", kind,
            "name", name,
            "reason", "vendor agent, reviewed " + ns,
            "expiresAt", expires.toString()));
  }

  @Test
  void fixturesAreFoundScoredExceptedAndReported(TestNamespace risky) {
    String clean = "posture-clean-" + risky.name().substring(risky.name().length() - 4);
    String binding = "posture-it-" + risky.name();
    riskyNamespace(risky.name());
    cleanNamespace(clean);
    kube.rbac()
        .clusterRoleBindings()
        .resource(
            new ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName(binding)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "cluster-admin")
                .addNewSubject()
                .withKind("User")
                .withName("mallory")
                .withApiGroup("rbac.authorization.k8s.io")
                .endSubject()
                .build())
        .create();
    try {
      // the namespaces reach the cache, then a scan sees them
      await()
          .atMost(DEADLINE)
          .until(
              () -> {
                JsonNode r = admin.post(P + "/scan", Map.of()).json();
                return r.path("namespaces").toString().contains("\"" + clean + "\"")
                    && r.path("namespaces").toString().contains("\"" + risky.name() + "\"");
              });
      JsonNode report = admin.post(P + "/scan", Map.of()).json();
      assertThat(findings(report, risky.name()))
          .contains(
              "privileged:Pod/privileged",
              "image-tag:Pod/privileged",
              "secrets-in-env:Pod/privileged",
              "host-path:Pod/hostpath",
              "exposed-service:Service/exposed",
              "network-policy:Namespace/" + risky.name(),
              "psa-enforce:Namespace/" + risky.name())
          .doesNotContain("host-path:Pod/privileged", "privileged:Pod/hostpath");
      assertThat(findings(report, clean)).isEmpty();
      assertThat(namespaceScore(report, clean)).isEqualTo(100);
      assertThat(report.path("findings").toString())
          .contains("\"name\":\"" + binding + "\"")
          .contains("CIS 5.2.2");
      JsonNode privileged = finding(report, "privileged", risky.name(), "privileged");
      assertThat(privileged.path("citations").toString())
          .contains("PSS baseline: Privileged Containers");
      int before = namespaceScore(report, risky.name());
      assertThat(before).isLessThan(100);

      // an exception removes the finding's weight and is audited
      Response created =
          except(
              "privileged",
              risky.name(),
              "Pod",
              "privileged",
              Instant.now().plus(Duration.ofDays(7)));
      assertThat(created.status()).isEqualTo(201);
      JsonNode after = admin.get(P).json();
      assertThat(
              finding(after, "privileged", risky.name(), "privileged")
                  .path("exceptionId")
                  .asString())
          .isEqualTo(created.json().path("id").asString());
      assertThat(namespaceScore(after, risky.name())).isGreaterThan(before);
      String audit = server.getAsAdmin("/api/v1/audit?verb=posture.except").body();
      assertThat(audit).contains("vendor agent, reviewed " + risky.name()).contains("privileged");

      // an expiry in the past or too far ahead is refused; nothing is stored
      Response past =
          except("host-path", risky.name(), "Pod", "hostpath", Instant.now().minusSeconds(60));
      assertThat(past.status()).isEqualTo(400);
      assertThat(past.problemCode()).isEqualTo("posture.invalid-exception");
      Response far =
          except(
              "host-path",
              risky.name(),
              "Pod",
              "hostpath",
              Instant.now().plus(Duration.ofDays(400)));
      assertThat(far.status()).isEqualTo(400);

      // a short exception applies, then no longer does once it has expired
      assertThat(
              except("host-path", risky.name(), "Pod", "hostpath", Instant.now().plusSeconds(4))
                  .status())
          .isEqualTo(201);
      assertThat(
              finding(admin.get(P).json(), "host-path", risky.name(), "hostpath")
                  .path("exceptionId")
                  .isNull())
          .isFalse();
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  finding(admin.get(P).json(), "host-path", risky.name(), "hostpath")
                      .path("exceptionId")
                      .isNull());

      // the report downloads, in the caller's language
      Response markdown = admin.get(P + "/report?format=markdown");
      assertThat(markdown.status()).isEqualTo(200);
      assertThat(markdown.raw().headers().firstValue("Content-Disposition").orElse(""))
          .contains("posture-local.md");
      assertThat(markdown.body()).contains("Privileged container").contains(risky.name());
      Response html = admin.get(P + "/report?format=html");
      assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("Privileged container");
      Response json = admin.get(P + "/report?format=json");
      assertThat(json.json().path("score").path("score").isInt()).isTrue();
      assertThat(server.getAsAdmin(P + "/report?format=markdown", "zh-CN").body()).contains("特权容器");
      assertThat(admin.get(P + "/report?format=pdf").problemCode())
          .isEqualTo("posture.invalid-filter");
    } finally {
      kube.rbac().clusterRoleBindings().withName(binding).delete();
      kube.namespaces().withName(clean).delete();
    }
  }
}
