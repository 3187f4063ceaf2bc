package io.kubeward.cluster.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lists and watches a kind as {@code PartialObjectMetadata}: the apiserver sends only each object's
 * metadata, so the values of a Secret never travel to Kubeward, let alone reach its heap.
 *
 * <p>fabric8 has a metadata-only list ({@code listAsPartialObjectMetadata}) but no metadata-only
 * watch or informer. The apiserver negotiates the representation from the {@code Accept} header,
 * which differs for lists ({@code PartialObjectMetadataList}) and watches ({@code
 * PartialObjectMetadata}); so this uses two clients whose only difference is that header, and
 * offers fabric8's informer a {@link ListerWatcher} that lists with one and watches with the other.
 * There is deliberately no plain-JSON fallback in the header: an apiserver that could not send
 * metadata only answers 406 instead of sending the data.
 */
final class MetadataOnlyListerWatcher
    implements ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList>,
        AutoCloseable {

  static final String ACCEPT_LIST =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";
  static final String ACCEPT_WATCH = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1";

  private final KubernetesClient listClient;
  private final KubernetesClient watchClient;
  private final ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList> lister;
  private final ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList> watcher;

  MetadataOnlyListerWatcher(Config base, String apiVersion, String kind, long pageSize) {
    this.listClient = client(base, ACCEPT_LIST);
    this.watchClient = client(base, ACCEPT_WATCH);
    this.lister = cast(listClient, apiVersion, kind, pageSize);
    this.watcher = cast(watchClient, apiVersion, kind, pageSize);
  }

  private static KubernetesClient client(Config base, String accept) {
    Config config =
        new ConfigBuilder(base)
            .withCustomHeaders(Map.of("Accept", accept))
            // a plain HTTP watch, so that the Accept header is negotiated as for any request
            .withOnlyHttpWatches(true)
            .build();
    return ClusterConnection.clientBuilder(config).build();
  }

  @SuppressWarnings("unchecked")
  private static ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList> cast(
      KubernetesClient client, String apiVersion, String kind, long pageSize) {
    // fabric8's operations are ListerWatchers (BaseOperation implements it).
    return (ListerWatcher<GenericKubernetesResource, GenericKubernetesResourceList>)
        client.genericKubernetesResources(apiVersion, kind).inAnyNamespace().withLimit(pageSize);
  }

  @Override
  public CompletableFuture<AbstractWatchManager<GenericKubernetesResource>> submitWatch(
      ListOptions params, Watcher<GenericKubernetesResource> handler) {
    return watcher.submitWatch(params, handler);
  }

  @Override
  public CompletableFuture<GenericKubernetesResourceList> submitList(ListOptions options) {
    // An empty PartialObjectMetadataList comes without "items": fabric8's reflector needs a list.
    return lister
        .submitList(options)
        .thenApply(
            list -> {
              if (list.getItems() == null) {
                list.setItems(new java.util.ArrayList<>());
              }
              return list;
            });
  }

  @Override
  public Long getLimit() {
    return lister.getLimit();
  }

  @Override
  public int getWatchReconnectInterval() {
    return watcher.getWatchReconnectInterval();
  }

  @Override
  public String getApiEndpointPath() {
    return lister.getApiEndpointPath();
  }

  @Override
  public Config getConfig() {
    return lister.getConfig();
  }

  @Override
  public void close() {
    listClient.close();
    watchClient.close();
  }
}
