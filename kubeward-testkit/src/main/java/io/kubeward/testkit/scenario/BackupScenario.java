package io.kubeward.testkit.scenario;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubeward.testkit.Crds;
import io.kubeward.testkit.Workloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * What a backup test or benchmark backs up: in each of its namespaces Deployments, StatefulSets,
 * Services (ClusterIP and NodePort), Ingresses, ConfigMaps, Secrets, PersistentVolumeClaims (the
 * first bound by name to a PersistentVolume made for it), ServiceAccounts, Roles, RoleBindings and
 * custom resources of a test CRD ({@value #CRD_NAME}, installed by {@link #installCrd}). Every
 * object carries the label {@value #LABEL}{@code =<id>}, so that {@link ObjectComparison} compares
 * exactly the scenario's objects (not the {@code default} ServiceAccount or {@code
 * kube-root-ca.crt} the control plane adds to every namespace, nor the ReplicaSets and pods its
 * controllers make).
 *
 * <p>How many of each kind per namespace is a {@link Sizes}; {@link Sizes#perNamespace(int)} makes
 * a mix of a given total, for the benchmark's 40,000 objects. Objects are created with bounded
 * parallelism ({@link #create(KubernetesClient, String, List, Sizes, int)}).
 */
public final class BackupScenario {

  /** The label every object of the scenario carries, with the scenario's id as value. */
  public static final String LABEL = "backup-proof.kubeward.io/scenario";

  public static final String CRD_GROUP = "proof.kubeward.io";
  public static final String CRD_VERSION = "v1";
  public static final String CRD_KIND = "Widget";
  public static final String CRD_PLURAL = "widgets";
  public static final String CRD_NAME = CRD_PLURAL + "." + CRD_GROUP;
  public static final String CRD_API_VERSION = CRD_GROUP + "/" + CRD_VERSION;

  /** The ingress class of the scenario's Ingresses (no controller serves it). */
  public static final String INGRESS_CLASS = "proof";

  /** The storage class of the PV and the bound PVC (no provisioner: binding by name only). */
  public static final String STORAGE_CLASS = "proof-manual";

  /** The namespaced resources of the scenario, as kubectl names them. */
  public static final List<String> RESOURCES =
      List.of(
          "deployments.apps",
          "statefulsets.apps",
          "services",
          "ingresses.networking.k8s.io",
          "configmaps",
          "secrets",
          "persistentvolumeclaims",
          "serviceaccounts",
          "roles.rbac.authorization.k8s.io",
          "rolebindings.rbac.authorization.k8s.io",
          CRD_NAME);

  private static final Duration CRD_DEADLINE = Duration.ofSeconds(60);

  /**
   * How many objects of each kind one namespace holds; {@code replicas} is each Deployment's and
   * StatefulSet's (0: no pods at all, as the benchmark wants).
   */
  public record Sizes(
      int deployments,
      int statefulSets,
      int clusterIpServices,
      int nodePortServices,
      int ingresses,
      int configMaps,
      int secrets,
      int claims,
      int serviceAccounts,
      int roles,
      int roleBindings,
      int widgets,
      int replicas) {

    public Sizes {
      if (deployments < 0
          || statefulSets < 0
          || clusterIpServices < 0
          || nodePortServices < 0
          || ingresses < 0
          || configMaps < 0
          || secrets < 0
          || claims < 0
          || serviceAccounts < 0
          || roles < 0
          || roleBindings < 0
          || widgets < 0
          || replicas < 0) {
        throw new IllegalArgumentException("negative size: " + this);
      }
    }

    /** Two of each kind (one NodePort Service), one replica: the round-trip tests' namespace. */
    public static Sizes small() {
      return new Sizes(2, 1, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1);
    }

    /**
     * About {@code objects} objects in a mix like an application namespace's (per 40 objects: 3
     * Deployments, 1 StatefulSet, 3 Services, 1 Ingress, 10 ConfigMaps, 8 Secrets, 1 PVC, 3
     * ServiceAccounts, 3 Roles, 3 RoleBindings, 4 custom resources), no pods, at most one NodePort
     * Service (the cluster has 2,768 node ports).
     */
    public static Sizes perNamespace(int objects) {
      if (objects < 40) {
        throw new IllegalArgumentException("at least 40 objects per namespace: " + objects);
      }
      int units = objects / 40;
      int rest = objects - units * 40;
      return new Sizes(
          3 * units,
          units,
          3 * units - 1,
          1,
          units,
          10 * units + rest,
          8 * units,
          units,
          3 * units,
          3 * units,
          3 * units,
          4 * units,
          0);
    }

    /** The objects of one namespace (not counting the namespace, nor the PV). */
    public int objects() {
      return deployments
          + statefulSets
          + clusterIpServices
          + nodePortServices
          + ingresses
          + configMaps
          + secrets
          + claims
          + serviceAccounts
          + roles
          + roleBindings
          + widgets;
    }
  }

  private final KubernetesClient client;
  private final String id;
  private final List<String> namespaces;
  private final Sizes sizes;

  private BackupScenario(KubernetesClient client, String id, List<String> namespaces, Sizes sizes) {
    this.client = client;
    this.id = id;
    this.namespaces = List.copyOf(namespaces);
    this.sizes = sizes;
  }

  /** {@link Sizes#small()} in {@code namespace} (which exists already), 8 requests at a time. */
  public static BackupScenario create(KubernetesClient client, String id, String namespace) {
    return create(client, id, List.of(namespace), Sizes.small(), 8);
  }

  /**
   * Installs the CRD, creates the namespaces that do not exist and {@code sizes} objects in each,
   * at most {@code parallelism} requests at a time. Returns once every object exists.
   */
  public static BackupScenario create(
      KubernetesClient client, String id, List<String> namespaces, Sizes sizes, int parallelism) {
    if (parallelism < 1 || parallelism > 256) {
      throw new IllegalArgumentException("parallelism 1..256: " + parallelism);
    }
    installCrd(client);
    BackupScenario scenario = new BackupScenario(client, id, namespaces, sizes);
    List<Runnable> creates = new ArrayList<>();
    for (int index = 0; index < namespaces.size(); index++) {
      String namespace = namespaces.get(index);
      String volume = scenario.persistentVolume(index);
      if (client.namespaces().withName(namespace).get() == null) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
            .create();
      }
      for (HasMetadata object : scenario.objects(namespace, volume)) {
        creates.add(() -> scenario.createOne(namespace, object));
      }
      for (GenericKubernetesResource widget : scenario.widgets(namespace)) {
        creates.add(
            () ->
                client
                    .genericKubernetesResources(CRD_API_VERSION, CRD_KIND)
                    .inNamespace(namespace)
                    .resource(widget)
                    .create());
      }
    }
    runBounded(creates, parallelism);
    return scenario;
  }

  private void createOne(String namespace, HasMetadata object) {
    if (object instanceof io.fabric8.kubernetes.api.model.PersistentVolume) {
      client.resource(object).serverSideApply();
    } else {
      client.resource(object).inNamespace(namespace).create();
    }
  }

  private static void runBounded(List<Runnable> tasks, int parallelism) {
    Semaphore permits = new Semaphore(parallelism);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> futures = new ArrayList<>(tasks.size());
      for (Runnable task : tasks) {
        permits.acquireUninterruptibly();
        futures.add(
            pool.submit(
                () -> {
                  try {
                    task.run();
                  } finally {
                    permits.release();
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the scenario", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "creating the scenario failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  public String id() {
    return id;
  }

  public List<String> namespaces() {
    return namespaces;
  }

  public Sizes sizes() {
    return sizes;
  }

  /** The label selector of the scenario's objects. */
  public String selector() {
    return LABEL + "=" + id;
  }

  /** Objects of the scenario in all its namespaces (not the namespaces, nor the PVs). */
  public int objects() {
    return sizes.objects() * namespaces.size();
  }

  /**
   * The PersistentVolume made for the first claim of the scenario's {@code index}-th namespace
   * (cluster-scoped; named after the scenario, not the namespace, so that the same scenario created
   * in another namespace refers to the same volume, as a restore into a mapped namespace does).
   */
  public String persistentVolume(int index) {
    return "proof-pv-" + id + "-" + index;
  }

  // ------------------------------------------------------------------------------ the CRD

  /** The test CRD: namespaced {@code Widget}s with a free-form spec and a status subresource. */
  public static CustomResourceDefinition crd() {
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata()
        .withName(CRD_NAME)
        .endMetadata()
        .withNewSpec()
        .withGroup(CRD_GROUP)
        .withScope("Namespaced")
        .withNewNames()
        .withKind(CRD_KIND)
        .withPlural(CRD_PLURAL)
        .withSingular("widget")
        .withListKind(CRD_KIND + "List")
        .endNames()
        .addNewVersion()
        .withName(CRD_VERSION)
        .withServed(true)
        .withStorage(true)
        .withNewSubresources()
        .withNewStatus()
        .endStatus()
        .endSubresources()
        .withNewSchema()
        .withNewOpenAPIV3Schema()
        .withType("object")
        .withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema()
        .endSchema()
        .endVersion()
        .endSpec()
        .build();
  }

  /** Applies the test CRD (idempotent) and waits until it is Established. */
  public static void installCrd(KubernetesClient client) {
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(crd())
        .fieldManager("kubeward-testkit")
        .forceConflicts()
        .serverSideApply();
    await(
        "the CRD " + CRD_NAME + " established",
        () -> Crds.established(client, CRD_NAME),
        CRD_DEADLINE);
  }

  // ------------------------------------------------------------------------------ namespaces

  /**
   * Deletes {@code namespace} and waits until the apiserver no longer has it (its finalizers ran:
   * every object in it is gone).
   */
  public static void deleteNamespace(KubernetesClient client, String namespace, Duration timeout) {
    try {
      client.namespaces().withName(namespace).delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    await(
        "namespace " + namespace + " gone",
        () -> client.namespaces().withName(namespace).get() == null,
        timeout);
  }

  /** Polls {@code condition} every 250 ms until it holds; fails naming {@code what}. */
  static void await(String what, BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(250); // polling interval of a condition with a deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }

  // ------------------------------------------------------------------------------ the objects

  private Map<String, String> labels(String app) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LABEL, id);
    labels.put("app", app);
    return labels;
  }

  /** The scenario's objects for {@code namespace}, custom resources apart ({@link #widgets}). */
  List<HasMetadata> objects(String namespace, String volume) {
    List<HasMetadata> objects = new ArrayList<>();
    for (int i = 0; i < sizes.configMaps(); i++) {
      objects.add(
          new ConfigMapBuilder()
              .withNewMetadata()
              .withName("config-" + i)
              .withLabels(labels("config-" + i))
              .withAnnotations(Map.of("proof.kubeward.io/note", "config map " + i))
              .endMetadata()
              .withData(
                  Map.of(
                      "application.properties",
                      "server.port=8080\nfeature.flag=" + (i % 2 == 0) + "\n",
                      "index",
                      Integer.toString(i)))
              .build());
    }
    for (int i = 0; i < sizes.secrets(); i++) {
      objects.add(
          new SecretBuilder()
              .withNewMetadata()
              .withName("secret-" + i)
              .withLabels(labels("secret-" + i))
              .endMetadata()
              .withType("Opaque")
              .withData(
                  Map.of(
                      "password",
                      base64("s3cr3t-" + id + "-" + i),
                      "username",
                      base64("user-" + i)))
              .build());
    }
    for (int i = 0; i < sizes.serviceAccounts(); i++) {
      objects.add(
          new ServiceAccountBuilder()
              .withNewMetadata()
              .withName("sa-" + i)
              .withLabels(labels("sa-" + i))
              .endMetadata()
              .withAutomountServiceAccountToken(false)
              .build());
    }
    for (int i = 0; i < sizes.roles(); i++) {
      objects.add(
          new RoleBuilder()
              .withNewMetadata()
              .withName("role-" + i)
              .withLabels(labels("role-" + i))
              .endMetadata()
              .addNewRule()
              .withApiGroups("")
              .withResources("configmaps", "secrets")
              .withVerbs("get", "list", "watch")
              .endRule()
              .build());
    }
    for (int i = 0; i < sizes.roleBindings(); i++) {
      RoleBindingBuilder binding =
          new RoleBindingBuilder()
              .withNewMetadata()
              .withName("binding-" + i)
              .withLabels(labels("binding-" + i))
              .endMetadata()
              .withNewRoleRef()
              .withApiGroup("rbac.authorization.k8s.io")
              .withKind("Role")
              .withName("role-" + (sizes.roles() == 0 ? 0 : i % sizes.roles()))
              .endRoleRef()
              .addNewSubject()
              .withKind("User")
              .withApiGroup("rbac.authorization.k8s.io")
              .withName("jane-" + i)
              .endSubject();
      if (sizes.serviceAccounts() > 0) {
        binding
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName("sa-" + (i % sizes.serviceAccounts()))
            .withNamespace(namespace)
            .endSubject();
      }
      objects.add(binding.build());
    }
    if (sizes.claims() > 0) {
      objects.add(
          new PersistentVolumeBuilder()
              .withNewMetadata()
              .withName(volume)
              .withLabels(labels("pv"))
              .endMetadata()
              .withNewSpec()
              .withCapacity(Map.of("storage", new Quantity("1Gi")))
              .withAccessModes("ReadWriteOnce")
              .withPersistentVolumeReclaimPolicy("Retain")
              .withStorageClassName(STORAGE_CLASS)
              .withNewHostPath()
              .withPath("/tmp/" + volume)
              .endHostPath()
              .endSpec()
              .build());
    }
    for (int i = 0; i < sizes.claims(); i++) {
      PersistentVolumeClaimBuilder claim =
          new PersistentVolumeClaimBuilder()
              .withNewMetadata()
              .withName("data-" + i)
              .withLabels(labels("data-" + i))
              .endMetadata()
              .withNewSpec()
              .withAccessModes("ReadWriteOnce")
              .withNewResources()
              .withRequests(Map.of("storage", new Quantity("1Gi")))
              .endResources()
              .endSpec();
      if (i == 0) {
        claim.editSpec().withStorageClassName(STORAGE_CLASS).withVolumeName(volume).endSpec();
      } else {
        claim.editSpec().withStorageClassName("proof-unprovisioned").endSpec();
      }
      objects.add(claim.build());
    }
    for (int i = 0; i < sizes.deployments(); i++) {
      Deployment deployment = Workloads.deployment("web-" + i, sizes.replicas(), Map.of());
      objects.add(
          new DeploymentBuilder(deployment)
              .editMetadata()
              .withLabels(labels("web-" + i))
              .endMetadata()
              .editSpec()
              .editTemplate()
              .editSpec()
              .editFirstContainer()
              .addNewEnv()
              .withName("CONFIG")
              .withNewValueFrom()
              .withNewConfigMapKeyRef()
              .withName("config-0")
              .withKey("index")
              .withOptional(true)
              .endConfigMapKeyRef()
              .endValueFrom()
              .endEnv()
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build());
    }
    for (int i = 0; i < sizes.statefulSets(); i++) {
      String name = "db-" + i;
      objects.add(
          new StatefulSetBuilder()
              .withNewMetadata()
              .withName(name)
              .withLabels(labels(name))
              .endMetadata()
              .withNewSpec()
              .withReplicas(sizes.replicas())
              .withServiceName(name)
              .withNewSelector()
              .withMatchLabels(Map.of("app", name))
              .endSelector()
              .withNewTemplate()
              .withNewMetadata()
              .withLabels(Map.of("app", name))
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName("db")
              .withImage(Workloads.IMAGE)
              .endContainer()
              .endSpec()
              .endTemplate()
              .endSpec()
              .build());
    }
    for (int i = 0; i < sizes.clusterIpServices(); i++) {
      objects.add(service("svc-" + i, "ClusterIP"));
    }
    for (int i = 0; i < sizes.nodePortServices(); i++) {
      objects.add(service("nodeport-" + i, "NodePort"));
    }
    for (int i = 0; i < sizes.ingresses(); i++) {
      String backend =
          sizes.clusterIpServices() > 0 ? "svc-" + (i % sizes.clusterIpServices()) : "svc-0";
      objects.add(
          new IngressBuilder()
              .withNewMetadata()
              .withName("ingress-" + i)
              .withLabels(labels("ingress-" + i))
              .endMetadata()
              .withNewSpec()
              .withIngressClassName(INGRESS_CLASS)
              .addNewRule()
              .withHost("app-" + i + "." + id + ".example")
              .withNewHttp()
              .addNewPath()
              .withPath("/")
              .withPathType("Prefix")
              .withNewBackend()
              .withNewService()
              .withName(backend)
              .withNewPort()
              .withNumber(80)
              .endPort()
              .endService()
              .endBackend()
              .endPath()
              .endHttp()
              .endRule()
              .endSpec()
              .build());
    }
    return objects;
  }

  private HasMetadata service(String name, String type) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels(name))
        .endMetadata()
        .withNewSpec()
        .withType(type)
        .withSelector(Map.of("app", name))
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }

  /** The scenario's custom resources for {@code namespace}. */
  List<GenericKubernetesResource> widgets(String namespace) {
    List<GenericKubernetesResource> widgets = new ArrayList<>();
    for (int i = 0; i < sizes.widgets(); i++) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("size", i);
      spec.put("color", i % 2 == 0 ? "blue" : "green");
      spec.put("parts", List.of(Map.of("name", "a", "count", 1), Map.of("name", "b", "count", 2)));
      widgets.add(
          new GenericKubernetesResourceBuilder()
              .withApiVersion(CRD_API_VERSION)
              .withKind(CRD_KIND)
              .withNewMetadata()
              .withName("widget-" + i)
              .withNamespace(namespace)
              .withLabels(labels("widget-" + i))
              .endMetadata()
              .addToAdditionalProperties("spec", spec)
              .build());
    }
    return widgets;
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
