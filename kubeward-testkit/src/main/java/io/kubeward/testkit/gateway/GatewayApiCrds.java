package io.kubeward.testkit.gateway;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.testkit.Crds;
import io.kubeward.testkit.controlplane.Binaries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The Gateway API CRDs (standard channel: GatewayClass, Gateway, HTTPRoute, GRPCRoute,
 * ReferenceGrant, BackendTLSPolicy) on a local control plane, as upstream publishes them in its Go
 * module ({@code sigs.k8s.io/gateway-api}, {@code config/crd/standard/*.yaml}), at the version
 * pinned in {@code kubeward-testkit/go/gateway-api/go.mod}. {@value #SCRIPT} fetches them once
 * through the Go module proxy into a cache folder keyed by version (nothing is built).
 *
 * <p>Only the API objects exist: no Gateway implementation runs, so routes are stored and validated
 * by the apiserver (schema and CEL rules) but never serve traffic. The control plane is shared by
 * the ITs of a JVM: a class that needs the CRDs calls {@link #install} in its {@code @BeforeAll}
 * (idempotent); one that removes them ({@link #uninstall}) must not assume anything about the
 * classes before or after it.
 */
public final class GatewayApiCrds {

  /** System property naming a folder of CRD YAML files (else the script is run). */
  public static final String PROPERTY = "kubeward.gateway-api.crds";

  static final String SCRIPT = "kubeward-testkit/go/fetch-gateway-api-crds.sh";

  /** The API group and the version Kubeward's Gateway API router uses. */
  public static final String GROUP = "gateway.networking.k8s.io";

  public static final String VERSION = "v1";

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Deleting CRDs waits for the apiserver's clean-up of their objects, slower on a busy plane. */
  private static final Duration UNINSTALL_DEADLINE = Duration.ofMinutes(3);

  private static final String FIELD_MANAGER = "kubeward-testkit";

  private GatewayApiCrds() {}

  /**
   * Applies every CRD (server-side apply, forced: a newer install of the same names is replaced)
   * and waits until each is Established and {@code gateway.networking.k8s.io/v1} serves HTTPRoutes.
   */
  public static List<String> install(KubernetesClient client) {
    List<String> names = new ArrayList<>();
    for (Path file : manifests()) {
      try (InputStream in = Files.newInputStream(file)) {
        for (var item : client.load(in).items()) {
          if (item instanceof CustomResourceDefinition crd) {
            client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            names.add(crd.getMetadata().getName());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String name : names) {
      await("the CRD " + name + " Established", () -> established(client, name));
    }
    await("HTTPRoutes served in " + GROUP + "/" + VERSION, () -> servesHttpRoutes(client));
    return names;
  }

  /**
   * Deletes the CRDs (and with them every Gateway API object of the plane) and waits until the
   * apiserver no longer serves HTTPRoutes.
   */
  public static void uninstall(KubernetesClient client) {
    var crds = client.apiextensions().v1().customResourceDefinitions();
    List<CustomResourceDefinition> found =
        crds.list().getItems().stream()
            .filter(crd -> crd.getMetadata().getName().endsWith("." + GROUP))
            .toList();
    // the apiserver removes a CRD only after every object of it is gone: delete them first, and
    // drop finalizers nobody will ever remove (no Gateway controller runs on the local plane)
    found.forEach(crd -> deleteObjectsOf(client, crd));
    List<String> names = found.stream().map(crd -> crd.getMetadata().getName()).toList();
    names.forEach(name -> crds.withName(name).delete());
    await(
        "the Gateway API CRDs deleted (left: " + names + ")",
        UNINSTALL_DEADLINE,
        () -> names.stream().allMatch(name -> crds.withName(name).get() == null));
    await("HTTPRoutes no longer served", UNINSTALL_DEADLINE, () -> !servesHttpRoutes(client));
  }

  private static void deleteObjectsOf(KubernetesClient client, CustomResourceDefinition crd) {
    String kind = crd.getSpec().getNames().getKind();
    for (var version : crd.getSpec().getVersions()) {
      if (!Boolean.TRUE.equals(version.getServed())) {
        continue;
      }
      var objects =
          client.genericKubernetesResources(GROUP + "/" + version.getName(), kind).inAnyNamespace();
      for (var object : objects.list().getItems()) {
        var one =
            client
                .genericKubernetesResources(GROUP + "/" + version.getName(), kind)
                .inNamespace(object.getMetadata().getNamespace())
                .withName(object.getMetadata().getName());
        if (object.getMetadata().getFinalizers() != null
            && !object.getMetadata().getFinalizers().isEmpty()) {
          one.edit(
              o -> {
                o.getMetadata().setFinalizers(List.of());
                return o;
              });
        }
        one.delete();
      }
      return; // every served version lists the same objects
    }
  }

  /** Whether {@code gateway.networking.k8s.io/v1} serves {@code httproutes} (discovery). */
  public static boolean servesHttpRoutes(KubernetesClient client) {
    var resources = client.getApiResources(GROUP + "/" + VERSION);
    return resources != null
        && resources.getResources().stream().anyMatch(r -> "httproutes".equals(r.getName()));
  }

  /** The CRD YAML files: from {@value #PROPERTY}, else from the fetch script's cache folder. */
  public static List<Path> manifests() {
    String configured = System.getProperty(PROPERTY);
    Path dir =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Binaries.checkoutScript(SCRIPT)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "No Gateway API CRDs: set -D"
                                + PROPERTY
                                + " or run from a Kubeward checkout so that "
                                + SCRIPT
                                + " can fetch them"));
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.yaml")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("No CRD manifests (*.yaml) in " + dir);
    }
    files.sort(null);
    return files;
  }

  private static boolean established(KubernetesClient client, String name) {
    return Crds.established(client, name);
  }

  /** Polls {@code condition} every 100 ms until it holds, failing after the deadline. */
  private static void await(String what, BooleanSupplier condition) {
    await(what, DEADLINE, condition);
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("Timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + what, e);
      }
    }
  }
}
