package io.kubeward.helm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
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
import io.kubeward.helm.domain.ChartSource;
import io.kubeward.helm.domain.HelmCommand;
import io.kubeward.helm.domain.HelmException;
import io.kubeward.helm.domain.HelmRelease;
import io.kubeward.helm.domain.HelmReleaseDetail;
import io.kubeward.resource.kube.JacksonObjectCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The order of the write use cases over fakes of the ports: checks before helm runs (no helm, a bad
 * values document, Kubeward's own refusal), one audit record per attempt with the chart and the
 * values diff, and the answer read back from the release store.
 */
class HelmOperationsTest {

  static final ChartSource CHART = new ChartSource.Repository("http://h/", "demo", "0.2.0");

  final InMemoryAuditLog log = new InMemoryAuditLog();
  final FakeRunner runner = new FakeRunner();
  final FakeStore store = new FakeStore();
  final HelmReleases releases =
      new HelmReleases(registry(), TestAuthorizers.impersonating(), store);
  final HelmOperations operations =
      new HelmOperations(
          registry(),
          TestAuthorizers.impersonating(),
          new AuditedAction(
              log,
              TestAuthorizers.impersonating(),
              Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC)),
          releases,
          runner,
          null,
          new JacksonObjectCodec(),
          new HelmSettings(Duration.ofMinutes(2), 700 * 1024));

  static Caller caller(Role role) {
    return new Caller(
        new Principal("olga", List.of(new Grant(role, Scope.everywhere()))),
        Origin.CONSOLE,
        "127.0.0.1");
  }

  @Test
  void withoutTheHelmBinaryWritesAre503AndNothingRuns() {
    runner.available = false;
    assertThatThrownBy(
            () -> operations.install(caller(Role.OPERATOR), "c1", "shop", "web", CHART, "a: 1\n"))
        .isInstanceOf(HelmException.class)
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.UNAVAILABLE);
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void whatIsWrongWithTheRequestIsSaidBeforeThatHelmIsMissing() {
    runner.available = false;
    assertThatThrownBy(
            () -> operations.upgrade(caller(Role.OPERATOR), "c1", "shop", "nope", CHART, null))
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.NOT_FOUND);
    assertThatThrownBy(
            () -> operations.install(caller(Role.OPERATOR), "c1", "shop", "Bad_Name", CHART, null))
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.INVALID);
  }

  @Test
  void aValuesDocumentThatIsNotOneMappingIsRefusedBeforeHelmRuns() {
    assertThatThrownBy(
            () ->
                operations.install(
                    caller(Role.OPERATOR), "c1", "shop", "web", CHART, "a: 1\n---\nb: 2\n"))
        .isInstanceOf(KubewardException.class)
        .hasMessageContaining("one object");
    assertThatThrownBy(
            () -> operations.install(caller(Role.OPERATOR), "c1", "shop", "web", CHART, "- a\n"))
        .isInstanceOf(KubewardException.class);
    assertThat(runner.commands).isEmpty();
  }

  @Test
  void whereKubewardMayNotImpersonateANonAdministratorIsRefusedAuditedAndHelmNeverRuns() {
    HelmOperations readOnly =
        new HelmOperations(
            registry(),
            TestAuthorizers.readOnly(),
            new AuditedAction(log, TestAuthorizers.readOnly(), Clock.systemUTC()),
            releases,
            runner,
            null,
            new JacksonObjectCodec(),
            new HelmSettings(Duration.ofMinutes(2), 700 * 1024));
    assertThatThrownBy(
            () -> readOnly.install(caller(Role.OPERATOR), "c1", "shop", "web", CHART, null))
        .isInstanceOf(KubewardException.class)
        .extracting(e -> ((KubewardException) e).code())
        .isEqualTo("cluster.read-only");
    assertThat(runner.commands).isEmpty();
    assertThat(records()).extracting(AuditEntry::result).containsExactly(AuditEntry.Result.FAILURE);
  }

  @Test
  void anUpgradeIsAuditedWithTheChartAndTheValuesDiffAndAnswersTheNewRevision() {
    store.revisions.add(detail(1, "deployed", Map.of("greeting", "hello")));
    runner.onRun = () -> store.revisions.add(detail(2, "deployed", Map.of("greeting", "hi")));

    HelmChange change =
        operations.upgrade(caller(Role.OPERATOR), "c1", "shop", "web", CHART, "greeting: hi\n");

    assertThat(change.release().revision()).isEqualTo(2);
    assertThat(change.valuesDiff()).contains("-greeting: hello", "+greeting: hi");
    assertThat(change.auditId()).isPositive();
    assertThat(runner.commands)
        .singleElement()
        .satisfies(c -> assertThat(c.operation()).isEqualTo(HelmCommand.Operation.UPGRADE));
    AuditEntry entry = records().getFirst();
    assertThat(entry.verb()).isEqualTo("helm.upgrade");
    assertThat(entry.kind()).isEqualTo("HelmRelease");
    assertThat(entry.name()).isEqualTo("web");
    assertThat(entry.namespace()).isEqualTo("shop");
    assertThat(entry.diff())
        .startsWith("# helm upgrade web demo@0.2.0 (http://h/)\n")
        .contains("+greeting: hi");
  }

  @Test
  void theAuditKeepsThatASecretValueChangedButNotTheValueTheCallerSeesTheirOwnDiff() {
    store.revisions.add(
        detail(1, "deployed", Map.of("db", Map.of("host", "db1", "password", "hunter2-old"))));
    runner.onRun =
        () ->
            store.revisions.add(
                detail(2, "deployed", Map.of("db", Map.of("host", "db2", "password", "s3cr3t"))));

    HelmChange change =
        operations.upgrade(
            caller(Role.OPERATOR),
            "c1",
            "shop",
            "web",
            CHART,
            "db:\n  host: db2\n  password: s3cr3t\n");

    assertThat(change.valuesDiff()).contains("+  password: s3cr3t");
    String audited = records().getFirst().diff();
    assertThat(audited).contains("-  host: db1", "+  host: db2", "password: <redacted:");
    assertThat(audited).doesNotContain("s3cr3t", "hunter2-old");
    assertThat(audited.lines().filter(l -> l.matches("[-+]  password: <redacted:\\w+>")))
        .as("a changed secret shows as changed")
        .hasSize(2);
  }

  @Test
  void aRollbackToARevisionThatDoesNotExistIsNotFoundAndHelmNeverRuns() {
    store.revisions.add(detail(1, "deployed", Map.of()));
    assertThatThrownBy(() -> operations.rollback(caller(Role.OPERATOR), "c1", "shop", "web", 7))
        .extracting(e -> ((HelmException) e).code())
        .isEqualTo(HelmException.REVISION_NOT_FOUND);
    assertThat(runner.commands).isEmpty();
    assertThat(records()).extracting(AuditEntry::result).containsExactly(AuditEntry.Result.FAILURE);
  }

  private List<AuditEntry> records() {
    return log.find(AuditQuery.latest(100)).stream().map(AuditRecord::entry).toList();
  }

  private HelmReleaseDetail detail(int revision, String status, Map<String, Object> values) {
    JacksonObjectCodec codec = new JacksonObjectCodec();
    return new HelmReleaseDetail(
        new HelmRelease("web", "shop", revision, status, "demo", "0.1.0", "1.0", "t", "d"),
        values,
        values.isEmpty() ? "" : codec.toYaml(values),
        "",
        "",
        List.of());
  }

  static final class FakeRunner implements HelmRunner {
    boolean available = true;
    Runnable onRun = () -> {};
    final List<HelmCommand> commands = new ArrayList<>();

    @Override
    public boolean available() {
      return available;
    }

    @Override
    public String binary() {
      return "/opt/helm";
    }

    @Override
    public String run(Caller caller, String cluster, HelmCommand command) {
      commands.add(command);
      onRun.run();
      return "{}";
    }
  }

  static final class FakeStore implements HelmReleaseStore {
    final List<HelmReleaseDetail> revisions = new ArrayList<>();

    @Override
    public List<HelmReleaseDetail> latest(Caller caller, String cluster, String namespace) {
      return revisions.isEmpty() ? List.of() : List.of(revisions.getLast());
    }

    @Override
    public List<HelmReleaseDetail> history(
        Caller caller, String cluster, String namespace, String name) {
      return List.copyOf(revisions);
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
