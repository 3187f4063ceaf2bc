package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.dsl.internal.AbstractWatchManager;
import io.fabric8.kubernetes.client.informers.impl.ListerWatcher;
import io.kubeward.cluster.domain.CachedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The gated lister tells the gate where a list starts and ends, from the continue tokens. */
class GatedListerWatcherTest {

  private final List<String> started = new ArrayList<>();
  private final ListGate gate = new ListGate(2);

  /** Answers each page at once: with a continue token if asked for, else as the last page. */
  private static final class Pages implements ListerWatcher<Pod, PodList> {
    private final List<String> continues;
    private final CompletableFuture<PodList> failure;

    Pages(List<String> continues, CompletableFuture<PodList> failure) {
      this.continues = continues;
      this.failure = failure;
    }

    @Override
    public CompletableFuture<PodList> submitList(ListOptions options) {
      if (failure != null) {
        return failure;
      }
      String next = continues.isEmpty() ? null : continues.removeFirst();
      return CompletableFuture.completedFuture(
          new PodListBuilder().withNewMetadata().withContinue(next).endMetadata().build());
    }

    @Override
    public CompletableFuture<AbstractWatchManager<Pod>> submitWatch(
        ListOptions params, Watcher<Pod> watcher) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Long getLimit() {
      return 500L;
    }

    @Override
    public int getWatchReconnectInterval() {
      return 1000;
    }

    @Override
    public String getApiEndpointPath() {
      return "pods";
    }

    @Override
    public Config getConfig() {
      return Config.empty();
    }
  }

  private void laterCall() {
    gate.run(
        ListGate.Priority.LATER,
        () -> {
          started.add("events");
          return new CompletableFuture<>();
        });
  }

  private static ListOptions page(String continueToken) {
    return new ListOptionsBuilder().withContinue(continueToken).build();
  }

  @Test
  void aFirstListHoldsLaterPagesUntilItsLastPage() {
    var pods =
        new GatedListerWatcher<>(
            new Pages(new ArrayList<>(List.of("c1")), null),
            gate,
            CachedKind.PODS,
            ListGate.Priority.FIRST);

    pods.submitList(page(null)).join();
    laterCall();
    assertThat(started).isEmpty();

    pods.submitList(page("c1")).join();
    assertThat(started).containsExactly("events");
  }

  @Test
  void aFailedPageEndsTheList() {
    var pods =
        new GatedListerWatcher<>(
            new Pages(List.of(), CompletableFuture.failedFuture(new IllegalStateException("410"))),
            gate,
            CachedKind.PODS,
            ListGate.Priority.FIRST);

    pods.submitList(page(null)).exceptionally(failure -> null).join();
    laterCall();

    assertThat(started).containsExactly("events");
  }
}
