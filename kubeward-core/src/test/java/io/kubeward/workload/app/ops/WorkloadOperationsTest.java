package io.kubeward.workload.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.TokenScope;
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.audit.app.InMemoryAuditLog;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.common.KubewardException;
import io.kubeward.resource.app.ObjectGateway;
import io.kubeward.resource.kube.JacksonObjectCodec;
import io.kubeward.workload.domain.WorkloadKind;
import io.kubeward.workload.domain.WorkloadRef;
import io.kubeward.workload.domain.ops.Revision;
import io.kubeward.workload.domain.ops.WorkloadOpException;
import io.kubeward.workload.domain.ops.WorkloadState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The operations' policy against a fake cluster: what is sent, what is audited, what is refused.
 */
class WorkloadOperationsTest {

  private static final WorkloadRef WEB =
      new WorkloadRef("c1", WorkloadKind.DEPLOYMENT, "shop", "web");

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T20:00:00Z"), ZoneOffset.UTC);
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final FakeGateway gateway = new FakeGateway();
  private final WorkloadOperations operations =
      new WorkloadOperations(
          registry(),
          TestAuthorizers.impersonating(),
          new AuditedAction(log, TestAuthorizers.impersonating(), clock),
          gateway,
          (ObjectGateway) null,
          new JacksonObjectCodec(),
          clock);

  private static Caller as(Role role) {
    return new Caller(
        new Principal("olga", List.of(new Grant(role, Scope.everywhere()))),
        Origin.CONSOLE,
        "127.0.0.1");
  }

  private List<AuditEntry> records() {
    return log.find(AuditQuery.latest(100)).stream().map(AuditRecord::entry).toList();
  }

  @Test
  void aRollbackSendsTheRevisionsTemplateWithoutItsHashAndAuditsTheDiff() {
    OpResult result = operations.rollback(as(Role.OPERATOR), WEB, 1L, false);
    assertThat(gateway.patches).hasSize(1);
    assertThat(gateway.patches.get(0).type()).isEqualTo(WorkloadOpsGateway.PatchType.JSON);
    assertThat(gateway.patches.get(0).body().toString())
        .contains("/spec/template", "app:1")
        .doesNotContain("pod-template-hash");
    assertThat(result.auditId()).isEqualTo(log.find(AuditQuery.latest(1)).get(0).sequence());
    assertThat(result.diff().unified())
        .containsPattern("(?m)^-\\s+(- )?image: app:2$")
        .containsPattern("(?m)^\\+\\s+(- )?image: app:1$");
    AuditEntry entry = records().get(0);
    assertThat(entry.verb()).isEqualTo(WorkloadOperations.ROLLBACK);
    assertThat(entry.result()).isEqualTo(AuditEntry.Result.SUCCESS);
    assertThat(entry.diff()).containsPattern("(?m)^\\+\\s+(- )?image: app:1$");
  }

  @Test
  void aDryRunChangesAndAuditsNothing() {
    OpResult result = operations.rollback(as(Role.VIEWER), WEB, 1L, true);
    assertThat(result.dryRun()).isTrue();
    assertThat(result.auditId()).isEqualTo(-1);
    assertThat(result.diff().changed()).isTrue();
    assertThat(gateway.patches).isEmpty();
    assertThat(records()).isEmpty();
  }

  @Test
  void aReadOnlyTokenIsRefusedBeforeTheClusterIsAskedAndTheRefusalIsAudited() {
    // where Kubeward impersonates, roles are the cluster's to judge; a read-only token is
    // Kubeward's
    Caller readOnly =
        new Caller(
            new Principal("olga", List.of(new Grant(Role.OPERATOR, Scope.everywhere()))),
            Origin.API,
            "127.0.0.1",
            new TokenScope(true, null, Set.of(), false));
    assertThatThrownBy(() -> operations.restart(readOnly, WEB))
        .isInstanceOf(KubewardException.class);
    assertThat(gateway.patches).isEmpty();
    assertThat(records())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.verb()).isEqualTo(WorkloadOperations.RESTART);
              assertThat(e.result()).isEqualTo(AuditEntry.Result.FAILURE);
            });
  }

  @Test
  void badInputIsRefusedBeforeAnythingHappens() {
    Caller operator = as(Role.OPERATOR);
    assertThatThrownBy(() -> operations.scale(operator, WEB, 10_001))
        .hasFieldOrPropertyWithValue("code", WorkloadOpException.INVALID);
    assertThatThrownBy(() -> operations.rollback(operator, WEB, 9L, false))
        .hasFieldOrPropertyWithValue("code", WorkloadOpException.REVISION_NOT_FOUND);
    assertThatThrownBy(() -> operations.setImages(operator, WEB, Map.of("db", "db:1")))
        .hasMessageContaining("no container named db");
    assertThatThrownBy(
            () ->
                operations.pause(
                    operator, new WorkloadRef("c1", WorkloadKind.DAEMONSET, "shop", "x"), true))
        .hasFieldOrPropertyWithValue("code", WorkloadOpException.UNSUPPORTED);
    assertThatThrownBy(
            () ->
                operations.restart(
                    operator, new WorkloadRef("c1", WorkloadKind.DEPLOYMENT, "Shop!", "x")))
        .hasFieldOrPropertyWithValue("code", WorkloadOpException.INVALID);
    assertThat(gateway.patches).isEmpty();
  }

  @Test
  void aRestartSetsTheAnnotationAtTheClocksSecond() {
    operations.restart(as(Role.OPERATOR), WEB);
    assertThat(gateway.patches.get(0).body().toString())
        .contains("kubectl.kubernetes.io/restartedAt=2026-12-03T20:00:00Z");
  }

  // --- fakes

  record Patch(WorkloadOpsGateway.PatchType type, Object body) {}

  private static Map<String, Object> template(String image, String hash) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put("app", "web");
    if (hash != null) {
      labels.put("pod-template-hash", hash);
    }
    return Map.of(
        "metadata",
        Map.of("labels", labels),
        "spec",
        Map.of("containers", List.of(Map.of("name", "app", "image", image))));
  }

  private static final class FakeGateway implements WorkloadOpsGateway {
    final List<Patch> patches = new ArrayList<>();

    private Live live() {
      return new Live(
          new WorkloadState(
              "Deployment",
              "shop",
              "web",
              "1",
              3,
              2,
              2,
              2,
              2,
              false,
              null,
              Map.of("app", "app:2"),
              2L,
              null),
          "uid",
          template("app:2", null));
    }

    @Override
    public Optional<Live> get(Caller caller, WorkloadRef ref) {
      return Optional.of(live());
    }

    @Override
    public Live patch(Caller caller, WorkloadRef ref, PatchType type, Object body) {
      patches.add(new Patch(type, body));
      return live();
    }

    @Override
    public List<StoredRevision> revisions(Caller caller, WorkloadRef ref) {
      return List.of(
          new StoredRevision(
              new Revision(2, "ReplicaSet/web-b", null, null, List.of("app:2"), true),
              template("app:2", "b"),
              null),
          new StoredRevision(
              new Revision(1, "ReplicaSet/web-a", null, null, List.of("app:1"), false),
              template("app:1", "a"),
              null));
    }

    @Override
    public CreatedJob trigger(Caller caller, WorkloadRef cronJob) {
      throw new UnsupportedOperationException();
    }
  }

  private static ClusterRegistry registry() {
    ManagedCluster cluster =
        new ManagedCluster() {
          @Override
          public String name() {
            return "c1";
          }

          @Override
          public Reachability reachability() {
            throw new UnsupportedOperationException();
          }

          @Override
          public boolean cacheSynced() {
            return true;
          }

          @Override
          public ClusterSnapshot snapshot() {
            throw new UnsupportedOperationException();
          }
        };
    return new ClusterRegistry() {
      @Override
      public List<ManagedCluster> all() {
        return List.of(cluster);
      }

      @Override
      public Optional<ManagedCluster> find(String name) {
        return name.equals("c1") ? Optional.of(cluster) : Optional.empty();
      }

      @Override
      public String defaultClusterName() {
        return "c1";
      }
    };
  }
}
