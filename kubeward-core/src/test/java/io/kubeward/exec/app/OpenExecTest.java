package io.kubeward.exec.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.app.TokenScopeException;
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
import io.kubeward.cluster.app.ClusterReads;
import io.kubeward.cluster.app.ClusterRegistry;
import io.kubeward.cluster.app.ManagedCluster;
import io.kubeward.cluster.domain.ClusterSnapshot;
import io.kubeward.cluster.domain.Reachability;
import io.kubeward.exec.domain.ExecCommand;
import io.kubeward.exec.domain.ForwardedPort;
import io.kubeward.exec.domain.PodTarget;
import io.kubeward.exec.domain.SessionEnd;
import io.kubeward.exec.domain.TerminalSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The order of checks, the switch, and the start and end records of exec and port-forward. */
class OpenExecTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final AuditedAction audited =
      new AuditedAction(log, TestAuthorizers.impersonating(), clock);
  private final Map<String, ExecSettingsStore.Stored> switches = new HashMap<>();
  private final List<String> sent = new ArrayList<>();
  private final ClusterReads reads = new ClusterReads(registry(), TestAuthorizers.impersonating());
  private final ExecSettings settings = new ExecSettings(reads, store(), audited, clock);
  private final OpenExec open = new OpenExec(reads, settings, gateway(), audited, clock);

  private static final PodTarget TARGET = new PodTarget("c1", "team", "web", "app");

  private static Caller operator(TokenScope scope) {
    return new Caller(
        new Principal("olga", List.of(new Grant(Role.OPERATOR, Scope.everywhere()))),
        Origin.CONSOLE,
        "127.0.0.1",
        scope);
  }

  private static Caller admin() {
    return new Caller(
        new Principal("admin", List.of(new Grant(Role.ADMIN, Scope.everywhere()))),
        Origin.CONSOLE,
        "127.0.0.1");
  }

  private List<AuditEntry> records() {
    return log.find(AuditQuery.latest(100)).stream().map(AuditRecord::entry).toList().reversed();
  }

  @Test
  void anExecSessionIsAuditedWhenItStartsAndWhenItEndsWithCommandExitCodeAndDuration() {
    ExecSession<ExecGateway.ExecConnection> session =
        open.exec(
            operator(TokenScope.FULL),
            TARGET,
            ExecCommand.shell("/bin/sh"),
            new TerminalSize(80, 24));
    assertThat(sent).containsExactly("exec c1/team/web/app [/bin/sh] tty=true");
    clock.advance(Duration.ofSeconds(90));
    SessionEnd end = session.end("exited", 0, 12, 345, null);
    assertThat(session.end("closed", null, 0, 0, null)).isNull(); // once

    assertThat(end.ended()).isEqualTo(end.started().plusSeconds(90));
    List<AuditEntry> entries = records();
    assertThat(entries).extracting(AuditEntry::verb).containsExactly("exec", "exec.end");
    assertThat(entries.get(0).result()).isEqualTo(AuditEntry.Result.SUCCESS);
    assertThat(entries.get(0).diff()).contains("container: app", "command: /bin/sh", "tty: true");
    assertThat(entries.get(1).diff())
        .contains(
            "started: 2026-12-03T10:00:00Z",
            "ended: 2026-12-03T10:01:30Z",
            "duration: 1m30s",
            "exitCode: 0",
            "bytesIn: 12",
            "bytesOut: 345");
    assertThat(entries.get(1).kind()).isEqualTo("Pod");
    assertThat(entries.get(1).name()).isEqualTo("web");
  }

  @Test
  void aClusterWithExecDisabledRefusesExecAndPortForwardAndTheRefusalIsAudited() {
    settings.set(admin(), "c1", false);

    assertThatThrownBy(
            () -> open.exec(operator(TokenScope.FULL), TARGET, ExecCommand.shell("/bin/sh"), null))
        .isInstanceOfSatisfying(
            ExecDisabledException.class, e -> assertThat(e.code()).isEqualTo("exec.disabled"));
    assertThatThrownBy(
            () ->
                open.forward(
                    operator(TokenScope.FULL),
                    new PodTarget("c1", "team", "web", null),
                    new ForwardedPort(8080),
                    null,
                    null))
        .isInstanceOf(ExecDisabledException.class);
    assertThat(sent).isEmpty();
    assertThat(records())
        .extracting(AuditEntry::verb, AuditEntry::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("exec.configure", AuditEntry.Result.SUCCESS),
            org.assertj.core.groups.Tuple.tuple("exec", AuditEntry.Result.FAILURE),
            org.assertj.core.groups.Tuple.tuple("port-forward", AuditEntry.Result.FAILURE));
    assertThat(records().get(0).diff()).contains("-enabled: true", "+enabled: false");

    settings.set(admin(), "c1", true);
    open.exec(operator(TokenScope.FULL), TARGET, ExecCommand.shell("/bin/sh"), null);
    assertThat(sent).hasSize(1);
  }

  @Test
  void onlyAdministratorsTurnTheSwitch() {
    assertThatThrownBy(() -> settings.set(operator(TokenScope.FULL), "c1", false))
        .hasMessageContaining("olga");
    assertThat(settings.get(operator(TokenScope.FULL), "c1").enabled()).isTrue();
  }

  @Test
  void aReadOnlyTokenMayNotExecNorForward() {
    Caller readOnly = operator(new TokenScope(true, null, Set.of(), false));
    assertThatThrownBy(() -> open.exec(readOnly, TARGET, ExecCommand.shell("/bin/sh"), null))
        .isInstanceOf(TokenScopeException.class);
    assertThat(sent).isEmpty();
    assertThat(records()).extracting(AuditEntry::result).containsExactly(AuditEntry.Result.FAILURE);
  }

  @Test
  void aPortForwardRecordsThePortAndItsEnd() {
    ExecSession<ExecGateway.ForwardConnection> session =
        open.forward(
            operator(TokenScope.FULL),
            new PodTarget("c1", "team", "web", null),
            new ForwardedPort(8080),
            null,
            null);
    session.end("error", null, 5, 0, "connection refused");
    assertThat(records())
        .extracting(AuditEntry::verb, AuditEntry::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("port-forward", AuditEntry.Result.SUCCESS),
            org.assertj.core.groups.Tuple.tuple("port-forward.end", AuditEntry.Result.FAILURE));
    assertThat(records().get(0).diff()).contains("port: 8080");
    assertThat(records().get(1).error()).contains("connection refused");
  }

  private ExecSettingsStore store() {
    return new ExecSettingsStore() {
      @Override
      public Optional<Stored> find(String cluster) {
        return Optional.ofNullable(switches.get(cluster));
      }

      @Override
      public void save(Stored stored) {
        switches.put(stored.cluster(), stored);
      }
    };
  }

  private ExecGateway gateway() {
    return new ExecGateway() {
      @Override
      public ExecConnection exec(
          Caller caller, PodTarget target, ExecCommand command, TerminalSize size) {
        sent.add(
            "exec "
                + target.cluster()
                + "/"
                + target.namespace()
                + "/"
                + target.pod()
                + "/"
                + target.container()
                + " "
                + command.argv()
                + " tty="
                + (size != null));
        return new ExecConnection() {
          @Override
          public OutputStream stdin() {
            return new ByteArrayOutputStream();
          }

          @Override
          public InputStream stdout() {
            return new ByteArrayInputStream(new byte[0]);
          }

          @Override
          public InputStream stderr() {
            return null;
          }

          @Override
          public void resize(TerminalSize size) {}

          @Override
          public CompletableFuture<Integer> exit() {
            return new CompletableFuture<>();
          }

          @Override
          public void close() {}
        };
      }

      @Override
      public ForwardConnection forward(
          Caller caller,
          PodTarget target,
          ForwardedPort port,
          ReadableByteChannel in,
          WritableByteChannel out) {
        sent.add("forward " + target.pod() + ":" + port.value());
        return new ForwardConnection() {
          @Override
          public io.kubeward.common.KubewardException failure() {
            return null;
          }

          @Override
          public boolean alive() {
            return true;
          }

          @Override
          public void close() {}
        };
      }
    };
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

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
