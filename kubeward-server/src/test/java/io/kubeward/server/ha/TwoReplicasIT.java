package io.kubeward.server.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubeward.server.ServerJvm;
import io.kubeward.testkit.LocalControlPlane;
import io.kubeward.testkit.controlplane.ControlPlane;
import io.kubeward.testkit.controlplane.FakeNode;
import io.kubeward.testkit.net.TcpProxy;
import io.kubeward.testkit.postgres.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas serve as one (issue 18, ADR 0053): two Kubeward server processes (separate JVMs,
 * {@code java -jar}) on one PostgreSQL and one cluster, behind a round-robin TCP proxy on
 * 127.0.0.1. A person signs in once through the proxy and keeps working while consecutive requests
 * land on both replicas; a cluster added through one replica is usable on the other at once and
 * gone from it after its removal; a node maintenance is carried out once (one cordon, one drain);
 * one replica is killed with {@code SIGKILL} and the same session keeps working on the survivor,
 * mutations included, without signing in again.
 */
@LocalControlPlane
class TwoReplicasIT {

  static final String CLUSTER = "local";
  static final String PASSWORD = "two-replicas-admin-pw-1";
  static final Duration START = Duration.ofMinutes(3);
  static final Duration DEADLINE = Duration.ofSeconds(90);

  @Test
  void aSignedInPersonKeepsWorkingAcrossBothReplicasAndWhenOneIsKilled(
      ControlPlane plane, KubernetesClient kube, @TempDir Path work) throws Exception {
    String id = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 24), 36);
    String node = "ha-" + id;
    String added = "ha-second-" + id;
    List<AutoCloseable> resources = new ArrayList<>();
    try (LocalPostgres postgres = LocalPostgres.start()) {
      String database = postgres.createDatabase("two_replicas_" + id);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      List<String> args =
          List.of(
              "--kubeconfig=" + plane.kubewardKubeconfig(),
              "--kubeward.cluster-name=" + CLUSTER,
              "--spring.datasource.url=" + postgres.jdbcUrl(database),
              "--spring.datasource.username=" + postgres.user(),
              // one key for both: a cluster added through one is decrypted by the other
              "--kubeward.security.encryption-key=" + Base64.getEncoder().encodeToString(key),
              "--kubeward.ha.cluster-sync-interval=1s",
              "--kubeward.probe.interval=1s",
              "--kubeward.maintenance.poll=300ms",
              "--kubeward.maintenance.drain-poll=500ms",
              "--kubeward.controllers.lease-duration=4s",
              "--kubeward.controllers.renew-deadline=3s",
              "--kubeward.controllers.retry-period=500ms");
      ServerJvm a = replica("replica-a", work, args);
      resources.add(a);
      a.awaitReady(START);
      ServerJvm b = replica("replica-b", work, args);
      resources.add(b);
      b.awaitReady(START);
      TcpProxy proxy = TcpProxy.roundRobin(List.of(a.port(), b.port()));
      resources.add(proxy);

      // 1. one sign-in through the proxy; consecutive requests are answered by both replicas
      Browser person = new Browser(proxy.port());
      assertThat(person.signIn("admin", PASSWORD).status()).isEqualTo(200);
      Set<String> answeredBy = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        Browser.Reply controllers = person.get(path("/controllers"));
        assertThat(controllers.status()).as("request %d: %s", i, controllers.body()).isEqualTo(200);
        answeredBy.add(controllers.json().path("identity").asString());
      }
      assertThat(answeredBy).containsExactlyInAnyOrder("replica-a", "replica-b");

      // 2. a node maintenance asked through the proxy is carried out once
      plane.addNodes(List.of(FakeNode.inZone(node, "zone-ha")));
      resources.add(() -> kube.nodes().withName(node).delete());
      await("both replicas' caches hold the new node")
          .atMost(DEADLINE)
          .until(
              () ->
                  a.send("GET", path("/nodes/" + node), null).status() == 200
                      && b.send("GET", path("/nodes/" + node), null).status() == 200);
      Browser.Reply created =
          person.post(path("/maintenances"), Map.of("name", node, "nodes", List.of(node)));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      await("maintenance " + node + " succeeded")
          .atMost(DEADLINE)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  "Succeeded"
                      .equals(
                          person
                              .get(path("/maintenances/" + node))
                              .json()
                              .path("phase")
                              .asString()));
      assertThat(timesReported(kube, node, "NodeCordoned")).as("cordons of %s", node).isEqualTo(1);
      assertThat(timesReported(kube, node, "NodeDrained")).as("drains of %s", node).isEqualTo(1);

      // 3. a cluster added through one replica is usable on the other at once; removed through
      //    the other, it is gone from the first
      String kubeconfig = Files.readString(plane.kubewardKubeconfig());
      ServerJvm.Reply add =
          a.send("POST", "/api/v1/clusters", Map.of("name", added, "kubeconfig", kubeconfig));
      assertThat(add.status()).as(add.body()).isEqualTo(201);
      assertThat(b.send("GET", "/api/v1/clusters/" + added, null).status())
          .as("the other replica answers for the new cluster without waiting for its sync")
          .isEqualTo(200);
      await("the other replica lists the new cluster")
          .atMost(DEADLINE)
          .until(() -> b.send("GET", "/api/v1/clusters", null).body().contains(added));
      assertThat(b.send("DELETE", "/api/v1/clusters/" + added, null).status()).isEqualTo(204);
      await("the first replica closes the removed cluster")
          .atMost(DEADLINE)
          .until(() -> a.send("GET", "/api/v1/clusters/" + added, null).status() == 404);

      // 4. one replica dies while the person keeps working; what it confirmed stays, the same
      //    session keeps working on the survivor, mutations included, without signing in again
      String confirmed = "before-kill-" + id;
      Browser.Reply before =
          person.post("/api/v1/auth/tokens", Map.of("name", confirmed, "expiresInDays", 1));
      assertThat(before.status()).as(before.body()).isEqualTo(201);
      try (Clicker clicker = new Clicker(person)) {
        await("the person is at work").atMost(DEADLINE).until(() -> clicker.answered() >= 3);
        a.kill();
        int atKill = clicker.answered();
        await("requests keep being answered after the kill")
            .atMost(DEADLINE)
            .until(() -> clicker.answered() >= atKill + 6);
        assertThat(clicker.refused()).as("answers other than 200 (401: signed out)").isEmpty();
      }
      for (int i = 0; i < 4; i++) {
        Browser.Reply me = person.get("/api/v1/auth/me");
        assertThat(me.status()).as("request %d after the kill: %s", i, me.body()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo("admin");
      }
      assertThat(person.get("/api/v1/auth/tokens").body()).contains(confirmed);
      Browser.Reply token =
          person.post(
              "/api/v1/auth/tokens", Map.of("name", "after-kill-" + id, "expiresInDays", 1));
      assertThat(token.status()).as(token.body()).isEqualTo(201);
      assertThat(person.get(path("/controllers")).json().path("identity").asString())
          .isEqualTo("replica-b");

      // signing out through the survivor ends the session everywhere
      assertThat(person.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
      assertThat(person.get("/api/v1/auth/me").status()).isEqualTo(401);
    } finally {
      ServerJvm.keepLogs(work, "two-replicas-logs");
      for (AutoCloseable resource : resources.reversed()) {
        try {
          resource.close();
        } catch (Exception e) {
          // best effort: the next one still gets closed
        }
      }
    }
  }

  /**
   * The person clicking on: {@code GET /api/v1/auth/me} through the proxy, one after the other, on
   * a thread of its own. A request cut by the kill (connection reset) is a request the person sees
   * fail and repeats, not a loss; any answer but 200 is kept for the assertion.
   */
  static final class Clicker implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger answered = new AtomicInteger();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Thread thread;

    Clicker(Browser person) {
      thread =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (running.get()) {
                      try {
                        Browser.Reply me = person.get("/api/v1/auth/me");
                        if (me.status() == 200) {
                          answered.incrementAndGet();
                        } else {
                          refused.add(me.status() + " " + me.body());
                        }
                      } catch (IllegalStateException cut) {
                        // in flight to the killed replica: the person repeats it
                      }
                    }
                  });
    }

    int answered() {
      return answered.get();
    }

    List<String> refused() {
      return List.copyOf(refused);
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(Duration.ofSeconds(30));
    }
  }

  /** How often Kubernetes Events of {@code reason} were reported about {@code node}. */
  static int timesReported(KubernetesClient kube, String node, String reason) {
    return kube.v1().events().inAnyNamespace().list().getItems().stream()
        .filter(e -> node.equals(e.getInvolvedObject().getName()))
        .filter(e -> reason.equals(e.getReason()))
        .mapToInt(TwoReplicasIT::count)
        .sum();
  }

  private static int count(Event event) {
    return event.getCount() == null ? 1 : Math.max(1, event.getCount());
  }

  static String path(String rest) {
    return "/api/v1/clusters/" + CLUSTER + rest;
  }

  static ServerJvm replica(String name, Path work, List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.add("--kubeward.data-dir=" + work.resolve(name));
    all.add("--kubeward.ha.replica-id=" + name);
    return ServerJvm.start(name, work, PASSWORD, "512m", all);
  }
}
