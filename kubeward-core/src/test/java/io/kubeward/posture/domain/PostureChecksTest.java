package io.kubeward.posture.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.kubeward.rbac.domain.RbacBinding;
import io.kubeward.rbac.domain.RbacRole;
import io.kubeward.rbac.domain.RbacRule;
import io.kubeward.rbac.domain.RbacSnapshot;
import io.kubeward.rbac.domain.RbacSubject;
import io.kubeward.rbac.domain.RoleRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every check has a failing and a passing fixture (issue 17's posture test bullet). */
class PostureChecksTest {

  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  /** A pod template that passes every pod-template check. */
  static PodSpecBuilder hardened() {
    return new PodSpecBuilder()
        .withServiceAccountName("app")
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(1000L)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(hardenedContainer().build());
  }

  static ContainerBuilder hardenedContainer() {
    return new ContainerBuilder()
        .withName("app")
        .withImage("registry.example/app:1.2.3")
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .withAdd("NET_BIND_SERVICE")
        .endCapabilities()
        .endSecurityContext()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("64Mi")))
        .withLimits(Map.of("memory", new Quantity("128Mi")))
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

  static PodSpec withContainer(Function<ContainerBuilder, ContainerBuilder> change) {
    return hardened().withContainers(change.apply(hardenedContainer()).build()).build();
  }

  static List<Result> judge(PodSpec spec) {
    return PodTemplateChecks.evaluate(new Workload("Deployment", "team-a", "web", spec));
  }

  static Result result(List<Result> results, Check check) {
    return results.stream().filter(r -> r.check() == check).findFirst().orElseThrow();
  }

  /** For each pod-template check: a template that fails it (and only it, where possible). */
  static Stream<Arguments> podTemplateFailures() {
    return Stream.of(
        Arguments.of(
            Check.PRIVILEGED,
            withContainer(c -> c.editSecurityContext().withPrivileged(true).endSecurityContext())),
        Arguments.of(
            Check.HOST_PATH,
            hardened()
                .addNewVolume()
                .withName("root")
                .withNewHostPath()
                .withPath("/")
                .endHostPath()
                .endVolume()
                .build()),
        Arguments.of(Check.HOST_NAMESPACES, hardened().withHostNetwork(true).build()),
        Arguments.of(Check.HOST_NAMESPACES, hardened().withHostPID(true).build()),
        Arguments.of(Check.HOST_NAMESPACES, hardened().withHostIPC(true).build()),
        Arguments.of(
            Check.CAPABILITIES_ADDED,
            withContainer(
                c ->
                    c.editSecurityContext()
                        .editCapabilities()
                        .withAdd("SYS_ADMIN")
                        .endCapabilities()
                        .endSecurityContext())),
        Arguments.of(
            Check.CAPABILITIES_NOT_DROPPED,
            withContainer(
                c ->
                    c.editSecurityContext()
                        .editCapabilities()
                        .withDrop("NET_RAW")
                        .endCapabilities()
                        .endSecurityContext())),
        Arguments.of(
            Check.RUN_AS_NON_ROOT,
            withContainer(
                c -> c.editSecurityContext().withRunAsNonRoot(false).endSecurityContext())),
        Arguments.of(
            Check.RUN_AS_NON_ROOT,
            withContainer(c -> c.editSecurityContext().withRunAsUser(0L).endSecurityContext())),
        Arguments.of(
            Check.READ_ONLY_ROOT_FILESYSTEM,
            withContainer(
                c ->
                    c.editSecurityContext()
                        .withReadOnlyRootFilesystem(false)
                        .endSecurityContext())),
        Arguments.of(
            Check.SECCOMP,
            hardened()
                .editSecurityContext()
                .editSeccompProfile()
                .withType("Unconfined")
                .endSeccompProfile()
                .endSecurityContext()
                .build()),
        Arguments.of(
            Check.PRIVILEGE_ESCALATION,
            withContainer(
                c ->
                    c.editSecurityContext()
                        .withAllowPrivilegeEscalation(true)
                        .endSecurityContext())),
        Arguments.of(
            Check.RESOURCES,
            withContainer(c -> c.editResources().withLimits(Map.of()).endResources())),
        Arguments.of(Check.IMAGE_TAG, withContainer(c -> c.withImage("nginx:latest"))),
        Arguments.of(Check.IMAGE_TAG, withContainer(c -> c.withImage("registry:5000/nginx"))),
        Arguments.of(Check.PROBES, withContainer(c -> c.withReadinessProbe(null))),
        Arguments.of(
            Check.DEFAULT_SERVICE_ACCOUNT, hardened().withServiceAccountName(null).build()),
        Arguments.of(
            Check.SECRETS_IN_ENV,
            withContainer(
                c ->
                    c.addNewEnv()
                        .withName("PASSWORD")
                        .withNewValueFrom()
                        .withNewSecretKeyRef("password", "db", false)
                        .endValueFrom()
                        .endEnv())),
        Arguments.of(
            Check.SECRETS_IN_ENV,
            withContainer(c -> c.addNewEnvFrom().withNewSecretRef("db", false).endEnvFrom())));
  }

  @ParameterizedTest(name = "{0} fails")
  @MethodSource("podTemplateFailures")
  void eachPodTemplateCheckFailsOnItsFixtureAndOnlyIt(Check check, PodSpec spec) {
    List<Result> results = judge(spec);
    assertThat(result(results, check).passed()).isFalse();
    assertThat(result(results, check).detail()).isNotBlank();
    // a capability beyond the baseline set is also one the restricted level does not allow
    Check[] expected =
        check == Check.CAPABILITIES_ADDED
            ? new Check[] {check, Check.CAPABILITIES_NOT_DROPPED}
            : new Check[] {check};
    assertThat(results.stream().filter(r -> !r.passed()).map(Result::check)).containsOnly(expected);
  }

  @Test
  void theHardenedTemplatePassesEveryPodTemplateCheck() {
    List<Result> results = judge(hardened().build());
    Set<Check> judged = EnumSet.noneOf(Check.class);
    results.forEach(r -> judged.add(r.check()));
    assertThat(judged)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Check.values())
                .filter(c -> c.target() == Check.Target.WORKLOAD)
                .toList());
    assertThat(results).allMatch(Result::passed);
  }

  @Test
  void passingVariants() {
    // a digest pins the image even without a tag; automount off makes the default account fine
    assertThat(PodTemplateChecks.floatingImage("nginx@sha256:abc")).isFalse();
    assertThat(PodTemplateChecks.floatingImage("registry:5000/nginx:1.27")).isFalse();
    PodSpec noAutomount =
        hardened()
            .withServiceAccountName("default")
            .withAutomountServiceAccountToken(false)
            .build();
    assertThat(result(judge(noAutomount), Check.DEFAULT_SERVICE_ACCOUNT).passed()).isTrue();
    // baseline capabilities may be added (the restricted check still wants ALL dropped)
    PodSpec chown =
        withContainer(
            c ->
                c.editSecurityContext()
                    .editCapabilities()
                    .withAdd("CHOWN")
                    .endCapabilities()
                    .endSecurityContext());
    assertThat(result(judge(chown), Check.CAPABILITIES_ADDED).passed()).isTrue();
    assertThat(result(judge(chown), Check.CAPABILITIES_NOT_DROPPED).passed()).isFalse();
    // the container's seccomp profile overrides the pod's
    PodSpec containerSeccomp =
        hardened()
            .withSecurityContext(null)
            .withContainers(
                hardenedContainer()
                    .editSecurityContext()
                    .withRunAsNonRoot(true)
                    .withNewSeccompProfile()
                    .withType("Localhost")
                    .withLocalhostProfile("p.json")
                    .endSeccompProfile()
                    .endSecurityContext()
                    .build())
            .build();
    assertThat(judge(containerSeccomp)).allMatch(Result::passed);
  }

  @Test
  void jobsAreNotAskedForProbes() {
    PodSpec spec = withContainer(c -> c.withReadinessProbe(null).withLivenessProbe(null));
    List<Result> results = PodTemplateChecks.evaluate(new Workload("Job", "a", "j", spec));
    assertThat(results).noneMatch(r -> r.check() == Check.PROBES).allMatch(Result::passed);
  }

  @Test
  void exposedServiceFailsForNodePortAndLoadBalancerOnly() {
    assertThat(ClusterChecks.service(new Inventory.ServiceInfo("a", "s", "NodePort")).passed())
        .isFalse();
    assertThat(ClusterChecks.service(new Inventory.ServiceInfo("a", "s", "LoadBalancer")).passed())
        .isFalse();
    assertThat(ClusterChecks.service(new Inventory.ServiceInfo("a", "s", "ClusterIP")).passed())
        .isTrue();
  }

  @Test
  void networkPolicyAndPsaLabel() {
    List<Result> bare = ClusterChecks.namespace("a", Map.of(), false);
    assertThat(result(bare, Check.NETWORK_POLICY).passed()).isFalse();
    assertThat(result(bare, Check.PSA_ENFORCE).passed()).isFalse();
    List<Result> privilegedLevel =
        ClusterChecks.namespace("a", Map.of(ClusterChecks.PSA_ENFORCE, "privileged"), false);
    assertThat(result(privilegedLevel, Check.PSA_ENFORCE).passed()).isFalse();
    List<Result> guarded =
        ClusterChecks.namespace("a", Map.of(ClusterChecks.PSA_ENFORCE, "baseline"), true);
    assertThat(guarded).allMatch(Result::passed);
  }

  @Test
  void rbacRiskFailsForAClusterAdminBindingAndNotForANarrowRole() {
    RbacSnapshot snapshot =
        new RbacSnapshot(
            List.of(
                new RbacRole(
                    "a",
                    "reader",
                    List.of(
                        new RbacRule(
                            List.of(""), List.of("pods"), List.of(), List.of("get"), List.of())))),
            List.of(
                new RbacBinding(
                    null,
                    "ops-admin",
                    new RoleRef("ClusterRole", "cluster-admin"),
                    List.of(RbacSubject.user("mallory"))),
                new RbacBinding(
                    "a",
                    "read-pods",
                    new RoleRef("Role", "reader"),
                    List.of(RbacSubject.user("alice")))));
    List<Result> results = ClusterChecks.rbac(snapshot.riskyBindings(false));
    assertThat(results).hasSize(1);
    assertThat(results.getFirst().subject())
        .isEqualTo(new Subject("ClusterRoleBinding", null, "ops-admin"));
    assertThat(results.getFirst().detail()).contains("cluster-admin").contains("mallory");
  }

  @Test
  void certificatesFailWithinTheWarningAndWhenExpired() {
    Subject s = Subject.cluster("c");
    Duration warn = Duration.ofDays(30);
    assertThat(
            ClusterChecks.certificate(
                    Check.APISERVER_CERTIFICATE, s, NOW.plus(Duration.ofDays(90)), NOW, warn)
                .passed())
        .isTrue();
    assertThat(
            ClusterChecks.certificate(
                    Check.APISERVER_CERTIFICATE, s, NOW.plus(Duration.ofDays(10)), NOW, warn)
                .passed())
        .isFalse();
    assertThat(
            ClusterChecks.certificate(Check.KUBEWARD_CERTIFICATE, s, NOW.minusSeconds(1), NOW, warn)
                .detail())
        .startsWith("expired");
  }

  @Test
  void everyCheckHasAFixtureForBothOutcomes() {
    Set<Check> failing = EnumSet.noneOf(Check.class);
    podTemplateFailures().forEach(a -> failing.add((Check) a.get()[0]));
    failing.addAll(
        List.of(
            Check.EXPOSED_SERVICE,
            Check.NETWORK_POLICY,
            Check.PSA_ENFORCE,
            Check.RBAC_RISK,
            Check.APISERVER_CERTIFICATE,
            Check.KUBEWARD_CERTIFICATE));
    assertThat(failing).containsExactlyInAnyOrder(Check.values());
  }
}
