package io.kubeward.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.deploy.Permissions.Permission;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.TestNamespace;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.KubewardAccount;
import io.kubeward.testkit.postgres.LocalPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Kubeward's own Helm chart ({@code deploy/helm/kubeward}, issue 18) with the real Helm CLI: {@code
 * helm lint --strict} and {@code helm template} with the values a site gives; the rendered objects
 * read with fabric8 say what an operator gets (two replicas that survive a node drain, probes on
 * the server's real health paths, secrets only by reference, Kubeward's least RBAC exactly as
 * {@code deploy/kubernetes/kubeward-rbac.yaml}, settings the server really binds); rendering stops
 * with a sentence when a secret or the database is missing; and {@code helm install} into the local
 * control plane, whose apiserver must accept every object, then {@code helm uninstall}.
 */
@LocalControlPlane
class KubewardChartIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir static Path dir;
  private static Helm helm;
  private static Path chart;
  private static KubernetesClient kube;
  private static String key;
  private static String password;
  private static Path kubeconfig;
  private static ControlPlane plane;
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  @BeforeAll
  static void setUp(ControlPlane controlPlane) {
    plane = controlPlane;
    kube = plane.newAdminClient();
    kubeconfig = plane.kubeconfig();
    helm = new Helm(dir.resolve("helm"));
    chart = KubewardAccount.repositoryFile("deploy/helm/kubeward/Chart.yaml").getParent();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    key = Base64.getEncoder().encodeToString(bytes);
    password = "chart-it-" + Long.toHexString(RANDOM.nextLong());
  }

  @AfterAll
  static void tearDown() {
    if (kube != null) {
      kube.close();
    }
  }

  // ---- helm lint and helm template --------------------------------------------------------

  @Test
  void lintStrictAcceptsTheChartWithEachKindOfSite() {
    for (List<String> site :
        List.of(
            external(),
            bundledPostgres(),
            concat(
                List.of("--set", "replicaCount=1", "--set", "persistence.enabled=true"), secrets()),
            everything())) {
      Helm.Result lint = helm.run(concat(List.of("lint", "--strict", chart.toString()), site));
      assertThat(lint.ok()).as(lint.toString()).isTrue();
      assertThat(lint.out()).contains("1 chart(s) linted, 0 chart(s) failed");
    }
  }

  @Test
  void twoReplicasThatSurviveADrainAndARollingUpdate() {
    List<HasMetadata> objects = render("kw", external());
    Deployment deployment = one(objects, Deployment.class);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(
            deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(
            pod.getAffinity()
                .getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution())
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.getPodAffinityTerm().getTopologyKey())
                    .isEqualTo("kubernetes.io/hostname"));
    assertThat(
            pod.getAffinity()
                .getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution())
        .as("preferred, so a one-node cluster still runs both")
        .isNullOrEmpty();
    assertThat(pod.getTopologySpreadConstraints())
        .extracting(c -> c.getTopologyKey())
        .contains("topology.kubernetes.io/zone");

    PodDisruptionBudget pdb = one(objects, PodDisruptionBudget.class);
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());

    // one replica: no PDB (minAvailable 1 would block every drain), H2 refused for two
    List<HasMetadata> single = render("kw", concat(List.of("--set", "replicaCount=1"), secrets()));
    assertThat(single).noneMatch(o -> o instanceof PodDisruptionBudget);
  }

  @Test
  void probesAskTheServersRealHealthPathsOnItsPort() throws Exception {
    List<HasMetadata> objects = render("kw", external());
    Container container = kubewardContainer(objects);
    Set<String> served = healthPaths();
    assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/livez").isIn(served);
    assertThat(container.getLivenessProbe().getHttpGet().getPath())
        .as("liveness never depends on the database")
        .isEqualTo("/livez")
        .isIn(served);
    assertThat(container.getReadinessProbe().getHttpGet().getPath())
        .as("readiness is 503 while the database is down")
        .isEqualTo("/healthz")
        .isIn(served);
    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
    int port =
        container.getPorts().stream()
            .filter(p -> "http".equals(p.getName()))
            .findFirst()
            .orElseThrow()
            .getContainerPort();
    Properties config = applicationProperties(objects);
    assertThat(config.getProperty("server.port")).isEqualTo(String.valueOf(port));
    assertThat(config.getProperty("server.address"))
        .as("the server's default is loopback; a pod must listen on its address")
        .isEqualTo("0.0.0.0");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
  }

  @Test
  void runsAsNonRootOnAReadOnlyRootWithoutCapabilities() {
    List<HasMetadata> objects = render("kw", external());
    Deployment deployment = one(objects, Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container container = kubewardContainer(objects);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .contains("/tmp", "/var/lib/kubeward", "/etc/kubeward");
    assertThat(applicationProperties(objects).getProperty("kubeward.data-dir"))
        .isEqualTo("/var/lib/kubeward");
    assertThat(pod.getServiceAccountName()).isEqualTo("kw-kubeward");
  }

  @Test
  void secretsAreReferencedNeverInlined() throws IOException {
    List<HasMetadata> objects = render("kw", external());
    Container container = kubewardContainer(objects);
    for (String secretEnv :
        List.of(
            "KUBEWARD_SECURITY_ENCRYPTION_KEY",
            "KUBEWARD_SECURITY_ADMIN_PASSWORD",
            "SPRING_DATASOURCE_PASSWORD")) {
      EnvVar env = env(container, secretEnv);
      assertThat(env.getValue()).as(secretEnv).isNull();
      assertThat(env.getValueFrom().getSecretKeyRef()).as(secretEnv).isNotNull();
    }
    assertThat(
            env(container, "SPRING_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("kubeward-db");
    String deploymentAndConfig =
        kube.getKubernetesSerialization().asYaml(one(objects, Deployment.class))
            + kube.getKubernetesSerialization().asYaml(one(objects, ConfigMap.class));
    assertThat(deploymentAndConfig).doesNotContain(password).doesNotContain(key);
    Secret secret = one(objects, Secret.class);
    assertThat(decode(secret, "admin-password")).isEqualTo(password);
    assertThat(decode(secret, "encryption-key")).isEqualTo(key);
    assertThat(
            env(container, "KUBEWARD_SECURITY_ADMIN_PASSWORD")
                .getValueFrom()
                .getSecretKeyRef()
                .getName())
        .isEqualTo(secret.getMetadata().getName());

    // an existing Secret: the chart makes none and refers to it
    List<HasMetadata> existing =
        render("kw", List.of("--set", "replicaCount=1", "--set", "existingSecret=site-secrets"));
    assertThat(existing).noneMatch(o -> o instanceof Secret);
    assertThat(
            env(kubewardContainer(existing), "KUBEWARD_SECURITY_ENCRYPTION_KEY")
                .getValueFrom()
                .getSecretKeyRef()
                .getName())
        .isEqualTo("site-secrets");
  }

  @Test
  void settingsReachTheServerThroughAMountedApplicationProperties() {
    List<HasMetadata> objects = render("kw", everything());
    Container container = kubewardContainer(objects);
    assertThat(env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").getValue())
        .isEqualTo("file:/etc/kubeward/application.properties");
    Properties config = applicationProperties(objects);
    assertThat(config)
        .containsEntry("spring.datasource.url", "jdbc:postgresql://db.example:5432/kubeward")
        .containsEntry("kubeward.controllers.namespace", "kw")
        .containsEntry("kubeward.maintenance.namespace", "kw")
        .containsEntry("kubeward.sso.enabled", "true")
        .containsEntry("kubeward.sso.issuer-uri", "https://idp.example/realms/site")
        .containsEntry("kubeward.sso.group-mappings[0].group", "platform-admins")
        .containsEntry("kubeward.sso.group-mappings[0].role", "admin")
        .containsEntry("kubeward.sso.group-mappings[0].cluster", "*")
        .containsEntry("kubeward.sso.group-mappings[0].kubernetes-groups", "platform-admins,ops")
        .containsEntry("kubeward.security.trusted-proxies", "10.0.0.0/8,192.168.1.10")
        .containsEntry("kubeward.ha.cluster-sync-interval", "5s")
        .containsEntry("kubeward.access.review-ttl", "45s");
    assertThat(
            env(container, "KUBEWARD_SSO_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("idp-client");
  }

  @Test
  void everyKubewardSettingTheChartRendersExistsInTheServer() {
    ServerSettings server = ServerSettings.scan();
    // the scan sees the server's settings, and a misspelt one is not among them
    assertThat(server.hasKey("kubeward.security.encryption-key")).isTrue();
    assertThat(server.hasKey("kubeward.controllers.namespace")).isTrue();
    assertThat(server.hasKey("kubeward.security.encryption-kee")).isFalse();
    assertThat(server.settingOfEnv("KUBEWARD_SECURITY_ADMIN_PASSWORD"))
        .contains("kubeward.security.admin-password");
    assertThat(server.settingOfEnv("KUBEWARD_SECURITY_ADMIN_PASSWORDS")).isEmpty();

    List<HasMetadata> objects = render("kw", everything());
    List<String> unknown = new ArrayList<>();
    for (String name : applicationProperties(objects).stringPropertyNames()) {
      if (name.startsWith("kubeward.") && !server.hasKey(name) && !agreedInIssue18(name)) {
        unknown.add(name);
      }
    }
    for (EnvVar env : kubewardContainer(objects).getEnv()) {
      String name = env.getName();
      if (name.startsWith("KUBEWARD_")
          && server.settingOfEnv(name).isEmpty()
          && !agreedEnvInIssue18(name)) {
        unknown.add(name);
      }
    }
    assertThat(unknown).as("settings the chart renders but the server does not bind").isEmpty();
  }

  @Test
  void kubewardsRbacIsExactlyTheManifestsWithoutWildcards() throws IOException {
    List<HasMetadata> objects = render("kw", everythingButAdmins());
    for (PolicyRule rule : Permissions.allRules(objects)) {
      for (List<String> field :
          Arrays.asList(
              rule.getApiGroups(),
              rule.getResources(),
              rule.getVerbs(),
              rule.getNonResourceURLs())) {
        assertThat(field == null ? List.<String>of() : field)
            .as(rule.toString())
            .doesNotContain("*");
      }
    }
    Set<Permission> chart = Permissions.ofServiceAccount(objects, "kw", "kw-kubeward");
    assertThat(chart)
        .contains(
            new Permission("cluster", "", "users", "", "impersonate"),
            new Permission("cluster", "", "groups", "", "impersonate"),
            new Permission(Permissions.NS, "coordination.k8s.io", "leases", "", "create"))
        .doesNotContain(new Permission("cluster", "", "secrets", "", "get"));

    List<HasMetadata> manifest;
    try (var in = Files.newInputStream(KubewardAccount.repositoryFile(KubewardAccount.RBAC))) {
      manifest = kube.load(in).items();
    }
    Set<Permission> plain = Permissions.ofServiceAccount(manifest, "kubeward-system", "kubeward");
    assertThat(plain.stream().filter(p -> !p.coveredBy(chart)))
        .as("rights of deploy/kubernetes/kubeward-rbac.yaml the chart does not grant")
        .isEmpty();
    // beyond the manifest: only what issue 18's upgrade part adds to it (COORDINATION-18)
    Set<Permission> upgrade =
        Set.of(new Permission("cluster", "nonResourceURL", "/metrics", "", "get"));
    assertThat(chart.stream().filter(p -> !p.coveredBy(plain) && !upgrade.contains(p)))
        .as("rights the chart grants beyond deploy/kubernetes/kubeward-rbac.yaml")
        .isEmpty();

    // people's rights by aggregation, the same as the manifest's
    for (String label :
        List.of(
            "rbac.authorization.k8s.io/aggregate-to-view",
            "rbac.authorization.k8s.io/aggregate-to-edit",
            "rbac.authorization.k8s.io/aggregate-to-admin")) {
      assertThat(Permissions.ofAggregation(objects, label))
          .as(label)
          .isEqualTo(Permissions.ofAggregation(manifest, label));
    }
    assertThat(objects)
        .as("kubeward:admins is bound to cluster-admin only when asked")
        .noneMatch(o -> o.getMetadata().getName().equals("kw-kubeward-admins"));
  }

  @Test
  void theChartsCrdsAreTheOnesTheServerInstalls() throws IOException {
    List<HasMetadata> objects = render("kw", concat(List.of("--include-crds"), external()));
    List<String> crds =
        objects.stream()
            .filter(o -> o instanceof CustomResourceDefinition)
            .map(o -> o.getMetadata().getName())
            .sorted()
            .toList();
    assertThat(crds)
        .containsExactly(
            "alertrules.kubeward.io",
            "backups.kubeward.io",
            "backupschedules.kubeward.io",
            "clusteralertrules.kubeward.io",
            "nodemaintenances.kubeward.io",
            "releases.kubeward.io",
            "restores.kubeward.io");
    Path core = KubewardAccount.repositoryFile("kubeward-core/pom.xml").getParent();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(core.resolve("src/main/resources/io/kubeward"))) {
      sources =
          files.filter(f -> f.getFileName().toString().endsWith(".kubeward.io.yaml")).toList();
    }
    assertThat(sources).hasSameSizeAs(crds);
    for (Path source : sources) {
      assertThat(chart.resolve("crds").resolve(source.getFileName()))
          .as("chart copy of " + source + " (copy it again after a schema change)")
          .hasSameTextualContentAs(source);
    }
  }

  @Test
  void refusesToRenderWithoutSecretsOrWithTwoReplicasOnH2() {
    assertRefused(
        List.of("--set", "replicaCount=1", "--set", "encryptionKey=" + key),
        "set adminPassword",
        "There is no default password");
    assertRefused(
        List.of("--set", "replicaCount=1", "--set", "adminPassword=" + password),
        "set encryptionKey",
        "There is no default key");
    assertRefused(
        List.of(
            "--set",
            "replicaCount=1",
            "--set",
            "adminPassword=short",
            "--set",
            "encryptionKey=" + key),
        "adminPassword must have at least 12 characters");
    assertRefused(
        List.of(
            "--set",
            "replicaCount=1",
            "--set",
            "adminPassword=" + password,
            "--set",
            "encryptionKey=c2hvcnQ="),
        "encryptionKey must be base64 of exactly 32 bytes");
    assertRefused(secrets(), "replicaCount is 2 but no PostgreSQL is configured", "database.url");
    assertRefused(
        concat(
            List.of(
                "--set",
                "database.url=jdbc:postgresql://db:5432/k",
                "--set",
                "database.username=k"),
            secrets()),
        "set database.existingSecret");
    assertRefused(
        concat(List.of("--set", "postgresql.enabled=true"), secrets()),
        "postgresql.existingSecret");
    // the schema refuses what the templates would not understand
    assertRefused(
        concat(
            List.of(
                "--set", "sso.groupMappings[0].group=g", "--set", "sso.groupMappings[0].role=root"),
            external()),
        "role");
  }

  // ---- helm install into the local control plane ------------------------------------------

  @Test
  void installsIntoTheLocalControlPlaneAndUninstallsCleanly(TestNamespace ns) {
    String release = "chart-" + Long.toHexString(RANDOM.nextLong()).substring(0, 6);
    String fullname = release + "-kubeward";
    kube.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("kubeward-db")
                .withNamespace(ns.name())
                .endMetadata()
                .addToStringData("password", "made-up-" + RANDOM.nextInt())
                .build())
        .create();
    List<String> args =
        concat(
            List.of(
                "install",
                release,
                chart.toString(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--namespace",
                ns.name(),
                "--set",
                "image.repository=registry.invalid/kubeward/made-up",
                "--set",
                "image.tag=0.0.0-it"),
            externalDatabase());
    args = concat(args, secrets());
    Helm.Result install = helm.run(args);
    assertThat(install.ok()).as(install.toString()).isTrue();
    assertThat(install.out())
        .as("NOTES.txt tells how to reach the console and sign in")
        .contains("port-forward service/" + fullname)
        .contains("Sign in as \"admin\"");
    try {
      Deployment deployment =
          kube.apps().deployments().inNamespace(ns.name()).withName(fullname).get();
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
      assertThat(
              kube.policy()
                  .v1()
                  .podDisruptionBudget()
                  .inNamespace(ns.name())
                  .withName(fullname)
                  .get())
          .isNotNull();
      assertThat(kube.rbac().clusterRoles().withName(fullname).get()).isNotNull();
      assertThat(kube.rbac().clusterRoleBindings().withName(fullname).get()).isNotNull();
      assertThat(kube.rbac().roles().inNamespace(ns.name()).withName(fullname).get()).isNotNull();
      for (String crd :
          List.of("nodemaintenances.kubeward.io", "releases.kubeward.io", "restores.kubeward.io")) {
        assertThat(kube.apiextensions().v1().customResourceDefinitions().withName(crd).get())
            .as(crd)
            .isNotNull();
      }
      // what the cluster now lets Kubeward's service account do
      String sa = "system:serviceaccount:" + ns.name() + ":" + fullname;
      await("the new RBAC is in effect")
          .atMost(DEADLINE)
          .until(() -> can(sa, "impersonate", "", "users", null));
      assertThat(can(sa, "create", "coordination.k8s.io", "leases", ns.name())).isTrue();
      assertThat(can(sa, "create", "coordination.k8s.io", "leases", "default"))
          .as("Leases only in its own namespace")
          .isFalse();
      assertThat(can(sa, "get", "", "secrets", "default"))
          .as("never reads Secret values")
          .isFalse();
      assertThat(can(sa, "create", "rbac.authorization.k8s.io", "clusterrolebindings", null))
          .as("cannot raise its own rights")
          .isFalse();

      // an upgrade with a changed setting: new ConfigMap, and the pods roll (checksum)
      String before = configChecksum(ns.name(), fullname);
      List<String> upgrade = new ArrayList<>(args);
      upgrade.set(0, "upgrade");
      upgrade.addAll(List.of("--set-string", "config.kubeward\\.access\\.review-ttl=45s"));
      Helm.Result upgraded = helm.run(upgrade);
      assertThat(upgraded.ok()).as(upgraded.toString()).isTrue();
      assertThat(kube.configMaps().inNamespace(ns.name()).withName(fullname).get().getData())
          .extractingByKey(
              "application.properties", org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("kubeward.access.review-ttl=45s");
      assertThat(configChecksum(ns.name(), fullname)).isNotEqualTo(before);
    } finally {
      Helm.Result uninstall =
          helm.run(
              List.of(
                  "uninstall",
                  release,
                  "--kubeconfig",
                  kubeconfig.toString(),
                  "--namespace",
                  ns.name(),
                  "--wait",
                  "--timeout",
                  "60s"));
      assertThat(uninstall.ok()).as(uninstall.toString()).isTrue();
    }
    await("the release's objects are gone")
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              assertThat(kube.rbac().clusterRoles().withName(fullname).get()).isNull();
              assertThat(kube.rbac().clusterRoleBindings().withName(fullname).get()).isNull();
              assertThat(kube.apps().deployments().inNamespace(ns.name()).withName(fullname).get())
                  .isNull();
              assertThat(kube.secrets().inNamespace(ns.name()).withName(fullname).get()).isNull();
              assertThat(
                      kube.policy()
                          .v1()
                          .podDisruptionBudget()
                          .inNamespace(ns.name())
                          .withName(fullname)
                          .get())
                  .isNull();
            });
    // Helm never deletes what crds/ installed (other releases and the data depend on them)
    assertThat(
            kube.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("releases.kubeward.io")
                .get())
        .isNotNull();
  }

  @Test
  void kubewardStartsWithTheInstalledConfigurationAndServiceAccount(TestNamespace ns)
      throws Exception {
    String release = "chart-" + Long.toHexString(RANDOM.nextLong()).substring(0, 6);
    String fullname = release + "-kubeward";
    try (LocalPostgres postgres = LocalPostgres.start()) {
      String database = postgres.createDatabase("kubeward_chart");
      kube.resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("kubeward-db")
                  .withNamespace(ns.name())
                  .endMetadata()
                  .addToStringData("password", "trust-" + RANDOM.nextInt())
                  .build())
          .create();
      Helm.Result install =
          helm.run(
              concat(
                  List.of(
                      "install",
                      release,
                      chart.toString(),
                      "--kubeconfig",
                      kubeconfig.toString(),
                      "--namespace",
                      ns.name(),
                      "--set",
                      "clusterName=chart-site",
                      "--set",
                      "database.url=" + postgres.jdbcUrl(database),
                      "--set",
                      "database.username=" + postgres.user(),
                      "--set",
                      "database.existingSecret=kubeward-db"),
                  secrets()));
      assertThat(install.ok()).as(install.toString()).isTrue();
      try {
        // the pod's configuration as the apiserver stored it
        Path work = dir.resolve(release);
        Path etc = Files.createDirectories(work.resolve("etc"));
        ConfigMap config = kube.configMaps().inNamespace(ns.name()).withName(fullname).get();
        Files.writeString(
            etc.resolve("application.properties"), config.getData().get("application.properties"));
        Container container =
            kube.apps()
                .deployments()
                .inNamespace(ns.name())
                .withName(fullname)
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();
        java.util.Map<String, String> env = new java.util.HashMap<>();
        for (EnvVar e : container.getEnv()) {
          env.put(e.getName(), resolve(ns.name(), e));
        }
        // workstation stand-ins: the mounted folder, a writable HOME
        env.put(
            "SPRING_CONFIG_ADDITIONAL_LOCATION",
            env.get("SPRING_CONFIG_ADDITIONAL_LOCATION")
                .replace("/etc/kubeward/", etc.toAbsolutePath() + "/"));
        env.put("HOME", work.toAbsolutePath().toString());
        // Kubeward's identity: a token of the service account the chart made, bound to its RBAC
        String token =
            kube.serviceAccounts()
                .inNamespace(ns.name())
                .withName(fullname)
                .tokenRequest(
                    new io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder()
                        .withNewSpec()
                        .withExpirationSeconds(3600L)
                        .endSpec()
                        .build())
                .getStatus()
                .getToken();
        Path saKubeconfig = plane.writeTokenKubeconfig(work.resolve("sa.kubeconfig"), token);
        try (ChartedServer server =
            ChartedServer.start(
                work,
                env,
                List.of(
                    // a pod gets the in-cluster configuration; here a kubeconfig of the same
                    // account
                    "--kubeconfig=" + saKubeconfig,
                    // a pod listens on its own address and writes to its volume
                    "--server.address=127.0.0.1",
                    "--kubeward.data-dir=" + work.resolve("data"),
                    "--management.server.port=0",
                    "--kubeward.helm.binary=" + io.kubeward.testkit.helm.HelmBinary.resolve()))) {
          Duration start = Duration.ofMinutes(3);
          await("the startup probe's path answers")
              .atMost(start)
              .until(() -> server.status("/livez") == 200);
          await("the readiness probe's path answers")
              .atMost(DEADLINE)
              .until(() -> server.status("/healthz") == 200);
          // the first admin's password came from the chart's Secret through the environment
          var login = server.login("admin", password);
          assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
          // the cluster is named as configured and Kubeward may impersonate there (chart RBAC)
          await("the cluster is listed, impersonating")
              .atMost(DEADLINE)
              .untilAsserted(
                  () -> {
                    var clusters = server.get("/api/v1/clusters");
                    assertThat(clusters.statusCode()).as(clusters.body()).isEqualTo(200);
                    tools.jackson.databind.JsonNode cluster = JSON.readTree(clusters.body()).get(0);
                    assertThat(cluster.path("name").asString()).isEqualTo("chart-site");
                    assertThat(cluster.path("reachable").asBoolean()).isTrue();
                    assertThat(cluster.path("access").path("mode").asString())
                        .as(clusters.body())
                        .isEqualTo("impersonate");
                  });
          // leader election in the release's namespace, with the Role the chart made
          await("the controllers' Lease in the release's namespace")
              .atMost(DEADLINE)
              .until(
                  () ->
                      kube.leases().inNamespace(ns.name()).withName("kubeward-controllers").get()
                          != null);
          // the leader's controllers work with the chart's rights: the default alert rules are
          // created once and recorded in the release's namespace
          await("the alert rules' defaults record in the release's namespace")
              .atMost(DEADLINE)
              .until(
                  () ->
                      kube.configMaps()
                              .inNamespace(ns.name())
                              .withName("kubeward-alert-rule-defaults")
                              .get()
                          != null);
          // its data went to the PostgreSQL the chart named, not to an H2 file
          try (var connection =
                  java.sql.DriverManager.getConnection(
                      postgres.jdbcUrl(database), postgres.user(), postgres.password());
              var rows =
                  connection
                      .createStatement()
                      .executeQuery("select count(*) from users where username = 'admin'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
          }
          assertThat(work.resolve("data").resolve("kubeward.mv.db")).doesNotExist();
          assertThat(server.isAlive()).as(server.tail()).isTrue();
        }
      } finally {
        Helm.Result uninstall =
            helm.run(
                List.of(
                    "uninstall",
                    release,
                    "--kubeconfig",
                    kubeconfig.toString(),
                    "--namespace",
                    ns.name(),
                    "--wait",
                    "--timeout",
                    "60s"));
        assertThat(uninstall.ok()).as(uninstall.toString()).isTrue();
      }
    }
  }

  private static String configChecksum(String namespace, String name) {
    return kube.apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .get()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("checksum/config");
  }

  /** An environment variable of the installed container with its Secret or field resolved. */
  private static String resolve(String namespace, EnvVar e) {
    if (e.getValueFrom() == null) {
      return e.getValue();
    }
    if (e.getValueFrom().getFieldRef() != null) {
      assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
      return "kubeward-chart-it-pod";
    }
    var ref = e.getValueFrom().getSecretKeyRef();
    Secret secret = kube.secrets().inNamespace(namespace).withName(ref.getName()).get();
    assertThat(secret).as("Secret " + ref.getName()).isNotNull();
    if (secret.getData() != null && secret.getData().containsKey(ref.getKey())) {
      return decode(secret, ref.getKey());
    }
    return secret.getStringData().get(ref.getKey());
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static boolean can(
      String user, String verb, String group, String resource, String namespace) {
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user)
            .withGroups("system:serviceaccounts", "system:authenticated")
            .withNewResourceAttributes()
            .withVerb(verb)
            .withGroup(group)
            .withResource(resource)
            .withNamespace(namespace)
            .endResourceAttributes()
            .endSpec()
            .build();
    SubjectAccessReview answer = kube.authorization().v1().subjectAccessReview().create(review);
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  private static List<String> secrets() {
    return List.of("--set", "encryptionKey=" + key, "--set", "adminPassword=" + password);
  }

  private static List<String> externalDatabase() {
    return List.of(
        "--set", "database.url=jdbc:postgresql://db.example:5432/kubeward",
        "--set", "database.username=kubeward",
        "--set", "database.existingSecret=kubeward-db");
  }

  private static List<String> external() {
    return concat(externalDatabase(), secrets());
  }

  private static List<String> bundledPostgres() {
    return concat(
        List.of("--set", "postgresql.enabled=true", "--set", "postgresql.existingSecret=pg"),
        secrets());
  }

  private static List<String> everythingButAdmins() {
    return concat(
        List.of(
            "--set", "sso.enabled=true",
            "--set", "sso.issuerUri=https://idp.example/realms/site",
            "--set", "sso.clientId=kubeward",
            "--set", "sso.cliClientId=kubeward-cli",
            "--set", "sso.existingSecret=idp-client",
            "--set", "sso.scopes={openid,profile,groups}",
            "--set", "sso.usernameClaim=email",
            "--set", "sso.groupsClaim=roles",
            "--set", "sso.displayName=Site login",
            "--set", "sso.groupMappings[0].group=platform-admins",
            "--set", "sso.groupMappings[0].role=admin",
            "--set", "sso.groupMappings[0].kubernetesGroups={platform-admins,ops}",
            "--set", "sso.groupMappings[1].group=team-a",
            "--set", "sso.groupMappings[1].role=operator",
            "--set", "sso.groupMappings[1].cluster=prod",
            "--set", "sso.groupMappings[1].namespace=team-a",
            "--set", "ha.clusterSyncInterval=5s",
            "--set", "trustedProxies={10.0.0.0/8,192.168.1.10}",
            "--set", "metrics.enabled=true",
            "--set", "metrics.existingSecret=metrics-token",
            "--set", "clusterName=site-a",
            "--set", "ingress.enabled=true",
            "--set", "ingress.hosts[0].host=kubeward.example",
            "--set-string", "config.kubeward\\.access\\.review-ttl=45s"),
        external());
  }

  private static List<String> everything() {
    return concat(List.of("--set", "rbac.adminsClusterAdmin=true"), everythingButAdmins());
  }

  private static List<HasMetadata> render(String namespace, List<String> values) {
    Helm.Result result =
        helm.run(
            concat(List.of("template", "kw", chart.toString(), "--namespace", namespace), values));
    assertThat(result.ok()).as(result.toString()).isTrue();
    return kube.load(new ByteArrayInputStream(result.out().getBytes(StandardCharsets.UTF_8)))
        .items();
  }

  private static void assertRefused(List<String> values, String... sentences) {
    Helm.Result result =
        helm.run(concat(List.of("template", "kw", chart.toString(), "--namespace", "kw"), values));
    assertThat(result.ok()).as(result.toString()).isFalse();
    assertThat(result.err()).contains(sentences);
  }

  private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.getFirst();
  }

  private static Container kubewardContainer(List<HasMetadata> objects) {
    return one(objects, Deployment.class).getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("kubeward"))
        .findFirst()
        .orElseThrow();
  }

  private static EnvVar env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no environment variable " + name));
  }

  private static Properties applicationProperties(List<HasMetadata> objects) {
    Properties properties = new Properties();
    try {
      properties.load(
          new StringReader(one(objects, ConfigMap.class).getData().get("application.properties")));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return properties;
  }

  private static String decode(Secret secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }

  /** The paths the server's health controller answers (read from its mappings). */
  private static Set<String> healthPaths() throws ClassNotFoundException {
    Set<String> paths = new TreeSet<>();
    for (Method method :
        Class.forName("io.kubeward.server.health.HealthController").getDeclaredMethods()) {
      GetMapping mapping = method.getAnnotation(GetMapping.class);
      if (mapping != null) {
        paths.addAll(List.of(mapping.value()));
        paths.addAll(List.of(mapping.path()));
      }
    }
    assertThat(paths).isNotEmpty();
    return paths;
  }

  /**
   * Settings agreed in COORDINATION-18 that the ha and sso parts add to the server in this issue
   * (the chart renders them before they exist on this branch). The exact names: a misspelling still
   * fails.
   */
  private static boolean agreedInIssue18(String name) {
    String normalized = name.replaceAll("\\[\\d+]", "[*]");
    return Set.of(
            "kubeward.helm.binary",
            "kubeward.helm.timeout",
            "kubeward.helm.max-chart-bytes",
            "kubeward.helm.work-dir",
            "kubeward.ha.replica-id",
            "kubeward.ha.cluster-sync-interval",
            "kubeward.sso.enabled",
            "kubeward.sso.issuer-uri",
            "kubeward.sso.client-id",
            "kubeward.sso.client-secret",
            "kubeward.sso.cli-client-id",
            "kubeward.sso.scopes",
            "kubeward.sso.username-claim",
            "kubeward.sso.groups-claim",
            "kubeward.sso.group-mappings[*].group",
            "kubeward.sso.group-mappings[*].role",
            "kubeward.sso.group-mappings[*].cluster",
            "kubeward.sso.group-mappings[*].namespace",
            "kubeward.sso.group-mappings[*].kubernetes-groups",
            "kubeward.sso.local-sign-in",
            "kubeward.sso.display-name")
        .contains(normalized);
  }

  private static boolean agreedEnvInIssue18(String name) {
    return Set.of("KUBEWARD_HA_REPLICA_ID", "KUBEWARD_SSO_CLIENT_SECRET").contains(name);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new ArrayList<>();
    for (List<String> part : parts) {
      out.addAll(part);
    }
    return out;
  }
}
