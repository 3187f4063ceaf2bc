package io.kubeward.upgrade.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kubeward.access.app.Caller;
import io.kubeward.cluster.kube.ClusterClients;
import io.kubeward.cluster.kube.KubeErrors;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.resource.domain.KindInfo;
import io.kubeward.upgrade.app.DeprecatedApiReader;
import io.kubeward.upgrade.domain.DeprecatedApiRequest;
import io.kubeward.upgrade.domain.Observed;
import io.kubeward.upgrade.domain.UpgradeFacts.CrdDeprecation;
import io.kubeward.upgrade.domain.UpgradeFacts.ObjectUse;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deprecated API versions of a cluster: the apiserver's metric read as Kubeward (the only read made
 * with Kubeward's identity: it needs {@code get} on the non-resource URL {@code /metrics}), the
 * served group versions from the shared discovery ({@link ObjectGateway#kinds}), CRDs and objects'
 * managed fields as the caller. The metric is read line by line and at most {@value #MAX_BYTES}
 * bytes of it.
 */
public final class KubeDeprecatedApis implements DeprecatedApiReader {

  static final long MAX_BYTES = 64L * 1024 * 1024;
  private static final int MAX_CRDS = 1000;

  private final ClusterClients clients;
  private final ObjectGateway objects;
  private final Duration timeout;

  public KubeDeprecatedApis(ClusterClients clients, ObjectGateway objects, Duration timeout) {
    this.clients = clients;
    this.objects = objects;
    this.timeout = timeout;
  }

  @Override
  public Observed<List<DeprecatedApiRequest>> requested(String cluster) {
    KubernetesClient client = clients.kubeward(cluster);
    HttpClient http = client.getHttpClient();
    String base = client.getMasterUrl().toString();
    String uri = (base.endsWith("/") ? base : base + "/") + "metrics";
    CompletableFuture<HttpResponse<InputStream>> call =
        http.sendAsync(http.newHttpRequestBuilder().uri(uri).build(), InputStream.class);
    try {
      HttpResponse<InputStream> response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      try (InputStream body = response.body()) {
        if (!response.isSuccessful()) {
          return Observed.refused("GET /metrics: HTTP " + response.code());
        }
        return Observed.of(DeprecatedApiRequest.parse(matchingLines(body)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Observed.refused("GET /metrics: interrupted");
    } catch (Exception e) {
      return Observed.refused("GET /metrics: " + e.getMessage());
    } finally {
      call.cancel(true);
    }
  }

  private static String matchingLines(InputStream body) throws java.io.IOException {
    StringBuilder kept = new StringBuilder();
    long read = 0;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && read < MAX_BYTES) {
        read += line.length() + 1;
        if (line.startsWith(DeprecatedApiRequest.METRIC + "{")) {
          kept.append(line).append('\n');
        }
      }
    }
    return kept.toString();
  }

  @Override
  public Observed<List<String>> servedGroupVersions(Caller caller, String cluster) {
    try {
      return Observed.of(
          objects.kinds(cluster).stream().map(KindInfo::apiVersion).distinct().sorted().toList());
    } catch (RuntimeException e) {
      return Observed.refused(e.getMessage());
    }
  }

  @Override
  public List<CrdDeprecation> crdDeprecations(Caller caller, String cluster) {
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    List<CustomResourceDefinition> crds;
    try {
      crds =
          client
              .apiextensions()
              .v1()
              .customResourceDefinitions()
              .list(new ListOptionsBuilder().withLimit((long) MAX_CRDS).build())
              .getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return List.of(); // not readable by the caller: no replacement hints, nothing else lost
      }
      throw KubeErrors.translate(cluster, e);
    }
    List<CrdDeprecation> found = new ArrayList<>();
    for (CustomResourceDefinition crd : crds) {
      var spec = crd.getSpec();
      String replacement =
          spec.getVersions().stream()
              .filter(v -> Boolean.TRUE.equals(v.getServed()) && !deprecated(v))
              .sorted(Comparator.comparing(v -> !Boolean.TRUE.equals(v.getStorage())))
              .map(CustomResourceDefinitionVersion::getName)
              .findFirst()
              .orElse(null);
      for (CustomResourceDefinitionVersion v : spec.getVersions()) {
        if (Boolean.TRUE.equals(v.getServed()) && deprecated(v)) {
          found.add(
              new CrdDeprecation(
                  spec.getGroup(),
                  v.getName(),
                  spec.getNames().getPlural(),
                  spec.getNames().getKind(),
                  replacement,
                  v.getDeprecationWarning()));
        }
      }
    }
    return found;
  }

  private static boolean deprecated(CustomResourceDefinitionVersion v) {
    return Boolean.TRUE.equals(v.getDeprecated());
  }

  @Override
  public List<ObjectUse> uses(
      Caller caller,
      String cluster,
      List<DeprecatedApiRequest> requests,
      List<CrdDeprecation> crds,
      int maxObjects) {
    List<KindInfo> kinds;
    try {
      kinds = objects.kinds(cluster);
    } catch (RuntimeException e) {
      return List.of();
    }
    KubernetesClient client = clients.forCaller(caller, cluster, ClusterClients.Intent.READ);
    List<ObjectUse> uses = new ArrayList<>();
    for (DeprecatedApiRequest r : requests) {
      alternative(kinds, r)
          .or(() -> replacement(cluster, r, crds))
          .ifPresent(
              kind ->
                  uses.addAll(KubeErrors.call(cluster, () -> read(client, kind, r, maxObjects))));
    }
    return uses;
  }

  /** A version of the same resource other than the deprecated one, the stable "v1" first. */
  private static Optional<KindInfo> alternative(List<KindInfo> kinds, DeprecatedApiRequest r) {
    return kinds.stream()
        .filter(
            k ->
                k.group().equals(r.group())
                    && k.plural().equals(r.resource())
                    && !k.version().equals(r.version())
                    && k.verbs().contains("list"))
        .min(Comparator.comparing((KindInfo k) -> !k.version().equals("v1")));
  }

  /**
   * The replacement version a CRD names, resolved through discovery again (the shared discovery is
   * cached briefly and may predate a new CRD).
   */
  private Optional<KindInfo> replacement(
      String cluster, DeprecatedApiRequest r, List<CrdDeprecation> crds) {
    return crds.stream()
        .filter(
            c ->
                c.group().equals(r.group())
                    && c.version().equals(r.version())
                    && c.resource().equals(r.resource())
                    && c.replacementVersion() != null)
        .findFirst()
        .flatMap(
            c -> {
              try {
                return objects.resolve(cluster, c.group() + "/" + c.replacementVersion(), c.kind());
              } catch (RuntimeException e) {
                return Optional.empty();
              }
            })
        .filter(k -> k.plural().equals(r.resource()) && k.verbs().contains("list"));
  }

  private static List<ObjectUse> read(
      KubernetesClient client, KindInfo kind, DeprecatedApiRequest r, int maxObjects) {
    ResourceDefinitionContext context =
        new ResourceDefinitionContext.Builder()
            .withGroup(kind.group())
            .withVersion(kind.version())
            .withKind(kind.kind())
            .withPlural(kind.plural())
            .withNamespaced(kind.namespaced())
            .build();
    var options = new ListOptionsBuilder().withLimit((long) maxObjects).build();
    List<GenericKubernetesResource> items;
    try {
      var op = client.genericKubernetesResources(context);
      items =
          kind.namespaced()
              ? op.inAnyNamespace().list(options).getItems()
              : op.list(options).getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403 || e.getCode() == 404) {
        return List.of(); // refused to the caller: the API is still named, its objects are not
      }
      throw e;
    }
    List<ObjectUse> uses = new ArrayList<>();
    for (GenericKubernetesResource item : items) {
      List<ManagedFieldsEntry> managed = item.getMetadata().getManagedFields();
      if (managed == null) {
        continue;
      }
      managed.stream()
          .filter(m -> r.groupVersion().equals(m.getApiVersion()))
          .map(m -> m.getManager() == null ? "?" : m.getManager())
          .distinct()
          .forEach(
              manager ->
                  uses.add(
                      new ObjectUse(
                          r.groupVersion(),
                          r.resource(),
                          item.getMetadata().getNamespace(),
                          item.getMetadata().getName(),
                          manager)));
    }
    return uses;
  }
}
