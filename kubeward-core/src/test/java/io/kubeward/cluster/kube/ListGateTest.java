package io.kubeward.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.cluster.domain.CachedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ListGateTest {

  private final List<String> started = new ArrayList<>();
  private final List<CompletableFuture<String>> responses = new ArrayList<>();

  private CompletableFuture<String> call(String name) {
    started.add(name);
    CompletableFuture<String> response = new CompletableFuture<>();
    responses.add(response);
    return response;
  }

  @Test
  void startsAtMostItsPermitsAndTheRestInTheOrderTheyAsked() {
    ListGate gate = new ListGate(2);
    List<CompletableFuture<String>> results = new ArrayList<>();
    for (String name : List.of("pods", "nodes", "events", "secrets", "services")) {
      results.add(gate.run(() -> call(name)));
    }
    assertThat(started).containsExactly("pods", "nodes");

    responses.get(1).complete("nodes page");
    assertThat(results.get(1)).isCompletedWithValue("nodes page");
    assertThat(started).containsExactly("pods", "nodes", "events");

    responses.get(0).complete("pods page");
    responses.get(2).complete("events page");
    assertThat(started).containsExactly("pods", "nodes", "events", "secrets", "services");
    responses.get(3).complete("secrets page");
    responses.get(4).complete("services page");

    assertThat(results).allSatisfy(result -> assertThat(result).isCompleted());
    assertThat(gate.mostInFlight()).isEqualTo(2);
  }

  @Test
  void waitingCallsOfTheFirstPriorityGoBeforeEarlierOnesOfLaterPriority() {
    ListGate gate = new ListGate(1);
    gate.run(ListGate.Priority.LATER, () -> call("events page 1"));
    gate.run(ListGate.Priority.LATER, () -> call("events page 2"));
    gate.run(ListGate.Priority.LATER, () -> call("configmaps page 1"));
    gate.run(ListGate.Priority.FIRST, () -> call("pods page 1"));
    gate.run(ListGate.Priority.FIRST, () -> call("nodes page 1"));

    for (int i = 0; i < 5; i++) {
      responses.get(i).complete("page");
    }

    assertThat(started)
        .containsExactly(
            "events page 1", "pods page 1", "nodes page 1", "events page 2", "configmaps page 1");
  }

  @Test
  void laterPagesWaitWhileAFirstListIsBetweenItsPages() {
    ListGate gate = new ListGate(2);
    gate.listStarted(CachedKind.PODS, ListGate.Priority.FIRST);
    gate.run(ListGate.Priority.FIRST, () -> call("pods page 1"));
    gate.run(ListGate.Priority.LATER, () -> call("events page 1"));
    assertThat(started).containsExactly("pods page 1");

    responses.get(0).complete("page");
    assertThat(started).containsExactly("pods page 1");

    gate.run(ListGate.Priority.FIRST, () -> call("pods page 2"));
    assertThat(started).containsExactly("pods page 1", "pods page 2");

    gate.listEnded(CachedKind.PODS, ListGate.Priority.FIRST);
    assertThat(started).containsExactly("pods page 1", "pods page 2", "events page 1");
  }

  @Test
  void aListAbandonedByItsInformerIsEndedByTheNextListOfItsKind() {
    ListGate gate = new ListGate(1);
    gate.listStarted(CachedKind.PODS, ListGate.Priority.FIRST);
    gate.listStarted(CachedKind.PODS, ListGate.Priority.FIRST);
    gate.run(ListGate.Priority.LATER, () -> call("events page 1"));

    gate.listEnded(CachedKind.PODS, ListGate.Priority.FIRST);

    assertThat(started).containsExactly("events page 1");
  }

  @Test
  void aFailedOrThrowingCallGivesItsPermitBack() {
    ListGate gate = new ListGate(1);
    CompletableFuture<String> throwing =
        gate.run(
            () -> {
              throw new IllegalStateException("client closed");
            });
    CompletableFuture<String> failing = gate.run(() -> call("pods"));
    CompletableFuture<String> next = gate.run(() -> call("nodes"));

    assertThatThrownBy(throwing::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(started).containsExactly("pods");
    responses.get(0).completeExceptionally(new IllegalStateException("410 Gone"));
    assertThat(failing).isCompletedExceptionally();
    assertThat(started).containsExactly("pods", "nodes");
    responses.get(1).complete("nodes page");
    assertThat(next).isCompletedWithValue("nodes page");
  }

  @Test
  void needsAtLeastOnePermit() {
    assertThatThrownBy(() -> new ListGate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
