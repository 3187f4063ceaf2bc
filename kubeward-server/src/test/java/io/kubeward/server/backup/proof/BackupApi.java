package io.kubeward.server.backup.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.RunningServer;
import io.kubeward.server.ServerJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the backup proof ITs do as a user (COORDINATION-16's contract): Backups, Restores and
 * storage locations created through the REST API as the signed-in admin, and the Backup's and
 * Restore's {@code status} read back from the apiserver (the CRDs {@code kubeward.io/v1alpha1
 * Backup|Restore} are the contract). The only class that knows the REST paths, the request bodies
 * and the CRDs' field names, so a change of the contract is one edit here.
 */
final class BackupApi {

  static final String GROUP_VERSION = "kubeward.io/v1alpha1";
  static final String BACKUP = "Backup";
  static final String RESTORE = "Restore";
  static final List<String> CRDS = List.of("backups.kubeward.io", "restores.kubeward.io");

  /** Phases after which a Backup or Restore does nothing more. */
  static final Set<String> FINAL_PHASES =
      Set.of("Completed", "Succeeded", "PartiallyFailed", "Failed");

  /**
   * The server argument configuring the archive key Secrets are sealed with (a fixed test key: 32
   * bytes, base64): without one a Backup that includes Secrets is refused (400).
   */
  static final String ARCHIVE_KEY =
      "--kubeward.backups.encryption.keys.proof="
          + java.util.Base64.getEncoder()
              .encodeToString(
                  "kubeward-backup-proof-32-byte-k!"
                      .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration CRD_DEADLINE = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(200);

  /** One HTTP call as a signed-in user. */
  interface Rest {
    Reply send(String method, String path, Object body);
  }

  record Reply(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  private final Rest rest;
  private final KubernetesClient kube;
  private final String cluster;

  BackupApi(Rest rest, KubernetesClient kube, String cluster) {
    this.rest = rest;
    this.kube = kube;
    this.cluster = cluster;
  }

  static BackupApi of(RunningServer.Client client, KubernetesClient kube, String cluster) {
    return new BackupApi(
        (method, path, body) -> {
          RunningServer.Response r = client.send(method, path, body, Map.of());
          return new Reply(r.status(), r.body());
        },
        kube,
        cluster);
  }

  static BackupApi of(ServerJvm server, KubernetesClient kube, String cluster) {
    return new BackupApi(
        (method, path, body) -> {
          ServerJvm.Reply r = server.send(method, path, body);
          return new Reply(r.status(), r.body());
        },
        kube,
        cluster);
  }

  // ------------------------------------------------------------------------------ REST

  private String c() {
    return "/api/v1/clusters/" + cluster;
  }

  private String backupPath(String namespace, String name) {
    return c() + "/namespaces/" + namespace + "/backups/" + name;
  }

  private String restorePath(String namespace, String name) {
    return c() + "/namespaces/" + namespace + "/restores/" + name;
  }

  /** The spec of a Backup of the namespaces {@code namespaces} (Secrets included) in a location. */
  static Map<String, Object> backupOf(List<String> namespaces, String location) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("namespaces", namespaces);
    scope.put("includeSecrets", true);
    scope.put("includeClusterResources", false);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("scope", scope);
    spec.put("location", location);
    return spec;
  }

  /** {@code POST …/namespaces/{ns}/backups {name, spec}}; asserts 201. */
  Reply createBackup(String namespace, String name, Map<String, Object> spec) {
    Reply reply =
        rest.send(
            "POST",
            c() + "/namespaces/" + namespace + "/backups",
            Map.of("name", name, "spec", spec));
    assertThat(reply.status()).as("POST backup %s: %s", name, reply.body()).isIn(200, 201);
    return reply;
  }

  Reply getBackup(String namespace, String name) {
    return rest.send("GET", backupPath(namespace, name), null);
  }

  /** {@code POST …/backups/{name}/verify}: the archive's checksums, as the server checks them. */
  Reply verify(String namespace, String name) {
    return rest.send("POST", backupPath(namespace, name) + "/verify", Map.of());
  }

  /**
   * The spec of a Restore of the Backup {@code backupNamespace/backup} of this cluster, with a
   * namespace mapping (empty for none) and {@code existing} ({@code Skip} or {@code Overwrite}).
   */
  Map<String, Object> restoreOf(
      String backupNamespace, String backup, Map<String, String> mapping, String existing) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("source", Map.of("cluster", cluster, "namespace", backupNamespace, "backup", backup));
    if (!mapping.isEmpty()) {
      spec.put("namespaceMapping", mapping);
    }
    if (existing != null) {
      spec.put("existing", existing);
    }
    return spec;
  }

  /** {@code POST …/namespaces/{ns}/restores {name, spec}}; asserts 201. */
  Reply createRestore(String namespace, String name, Map<String, Object> spec) {
    Reply reply =
        rest.send(
            "POST",
            c() + "/namespaces/" + namespace + "/restores",
            Map.of("name", name, "spec", spec));
    assertThat(reply.status()).as("POST restore %s: %s", name, reply.body()).isIn(200, 201);
    return reply;
  }

  /** {@code POST /clusters/{c}/restores/preview} with a Restore's spec. */
  Reply preview(Map<String, Object> spec) {
    return rest.send("POST", c() + "/restores/preview", Map.of("spec", spec));
  }

  /**
   * Every per-object result of a Restore ({@code GET …/results?page=&size=}), all pages, as the API
   * answers them.
   */
  List<JsonNode> results(String namespace, String name) {
    List<JsonNode> all = new ArrayList<>();
    int size = 500;
    for (int page = 0; page < 1000; page++) {
      Reply reply =
          rest.send(
              "GET",
              restorePath(namespace, name) + "/results?page=" + page + "&size=" + size,
              null);
      assertThat(reply.status()).as("results of %s: %s", name, reply.body()).isEqualTo(200);
      JsonNode body = reply.json();
      JsonNode items = body.has("items") ? body.get("items") : body;
      items.forEach(all::add);
      if (items.size() < size) {
        return all;
      }
    }
    throw new AssertionError("more than 1000 pages of results for " + name);
  }

  /** Registers an S3 location (admin only), loopback allowed, and checks it. */
  void createS3Location(
      String name,
      String endpoint,
      String region,
      String bucket,
      String accessKey,
      String secretKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "s3");
    body.put("endpoint", endpoint);
    body.put("region", region);
    body.put("bucket", bucket);
    body.put("prefix", "proof");
    body.put("accessKeyId", accessKey);
    body.put("secretAccessKey", secretKey);
    body.put("allowPrivateAddresses", true);
    Reply created = rest.send("POST", "/api/v1/backup-locations", body);
    assertThat(created.status()).as("POST location: %s", created.body()).isIn(200, 201);
    Reply checked = rest.send("POST", "/api/v1/backup-locations/" + name + "/check", Map.of());
    assertThat(checked.status()).as("check location: %s", checked.body()).isBetween(200, 299);
  }

  // ------------------------------------------------------------------------------ the CRDs

  /** Waits until the controller runtime installed the Backup and Restore CRDs. */
  void awaitCrds() {
    for (String name : CRDS) {
      awaitValue(
          "the CRD " + name + " established",
          () -> kube.apiextensions().v1().customResourceDefinitions().withName(name).get(),
          BackupApi::established,
          CRD_DEADLINE);
    }
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** A Backup's or Restore's status as the apiserver has it (an empty node when none yet). */
  Status status(String kind, String namespace, String name) {
    GenericKubernetesResource object =
        kube.genericKubernetesResources(GROUP_VERSION, kind)
            .inNamespace(namespace)
            .withName(name)
            .get();
    if (object == null) {
      return new Status(JSON.createObjectNode());
    }
    Object status = object.getAdditionalProperties().get("status");
    return new Status(status == null ? JSON.createObjectNode() : JSON.valueToTree(status));
  }

  /** Waits until the object reaches a final phase and answers its status. */
  Status awaitFinal(String kind, String namespace, String name, Duration timeout) {
    return awaitValue(
        kind + " " + namespace + "/" + name + " in a final phase",
        () -> status(kind, namespace, name),
        s -> FINAL_PHASES.contains(s.phase()),
        timeout);
  }

  /** Waits until the status matches; the error names {@code what} and the last status. */
  Status awaitStatus(
      String kind,
      String namespace,
      String name,
      String what,
      Predicate<Status> condition,
      Duration timeout) {
    return awaitValue(
        kind + " " + name + ": " + what, () -> status(kind, namespace, name), condition, timeout);
  }

  /** A Backup's or Restore's status. */
  record Status(JsonNode node) {
    String phase() {
      return node.path("phase").asString("");
    }

    long done() {
      return node.path("progress").path("done").asLong(0);
    }

    long total() {
      return node.path("progress").path("total").asLong(0);
    }

    /** A count of the status' {@code counts} (per outcome for a Restore), 0 when absent. */
    long count(String name) {
      JsonNode counts = node.path("counts");
      for (var entry : counts.properties()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue().asLong(0);
        }
      }
      return 0;
    }

    /** The reason of a condition of this type ({@code ""} when none). */
    String conditionReason(String type) {
      for (JsonNode c : node.path("conditions")) {
        if (type.equals(c.path("type").asString(""))) {
          return c.path("reason").asString("");
        }
      }
      return "";
    }

    @Override
    public String toString() {
      return node.toString();
    }
  }

  /** Polls {@code value} until {@code condition} holds; fails with the last value. */
  static <T> T awaitValue(
      String what, Supplier<T> value, Predicate<T> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = value.get();
      if (condition.test(last)) {
        return last;
      }
      try {
        Thread.sleep(POLL); // polling a condition with a deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("not within " + timeout + ": " + what + " (last: " + last + ")");
  }
}
