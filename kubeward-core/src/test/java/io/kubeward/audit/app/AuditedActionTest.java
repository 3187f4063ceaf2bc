package io.kubeward.audit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeward.access.app.AccessDeniedException;
import io.kubeward.access.app.Caller;
import io.kubeward.access.app.TestAuthorizers;
import io.kubeward.access.domain.Grant;
import io.kubeward.access.domain.Origin;
import io.kubeward.access.domain.Principal;
import io.kubeward.access.domain.Role;
import io.kubeward.access.domain.Scope;
import io.kubeward.access.domain.Verb;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.common.ErrorKind;
import io.kubeward.common.KubewardException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AuditedActionTest {

  private final InMemoryAuditLog log = new InMemoryAuditLog();
  private final AuditedAction audited =
      new AuditedAction(
          log,
          TestAuthorizers.impersonating(),
          Clock.fixed(Instant.parse("2026-11-22T02:00:00.123456Z"), ZoneOffset.UTC));
  private final AuditedAction.Target target =
      new AuditedAction.Target("prod", "team-a", "ConfigMap", "settings");

  private static Caller caller(Role role, Scope scope) {
    return new Caller(
        new Principal("bob", List.of(new Grant(role, scope))), Origin.API, "127.0.0.9");
  }

  @Test
  void allowedActionRunsAndIsAuditedWithItsDiff() {
    String value =
        audited.run(
            caller(Role.OPERATOR, Scope.namespace("prod", "team-a")),
            Verb.MUTATE,
            target,
            "apply",
            () -> new AuditedAction.Outcome<>("done", "-a\n+b"));

    assertThat(value).isEqualTo("done");
    AuditEntry entry = only().entry();
    assertThat(entry.user()).isEqualTo("bob");
    assertThat(entry.origin()).isEqualTo(Origin.API);
    assertThat(entry.clientAddress()).isEqualTo("127.0.0.9");
    assertThat(entry.verb()).isEqualTo("apply");
    assertThat(entry.diff()).isEqualTo("-a\n+b");
    assertThat(entry.result()).isEqualTo(AuditEntry.Result.SUCCESS);
    assertThat(entry.time()).isEqualTo(Instant.parse("2026-11-22T02:00:00.123Z"));
  }

  @Test
  void deniedActionDoesNotRunButIsAudited() {
    AtomicBoolean ran = new AtomicBoolean();

    assertThatThrownBy(
            () ->
                audited.run(
                    caller(Role.OPERATOR, Scope.everywhere()),
                    Verb.ADMINISTER,
                    target,
                    "user.delete",
                    () -> {
                      ran.set(true);
                      return AuditedAction.Outcome.of(null);
                    }))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(ran).isFalse();
    assertThat(only().entry().result()).isEqualTo(AuditEntry.Result.FAILURE);
    assertThat(only().entry().error()).startsWith("access.denied");
  }

  @Test
  void failedActionIsAuditedWithTheErrorCode() {
    KubewardException conflict =
        new KubewardException("resource.conflict", ErrorKind.CONFLICT, "field conflict", Map.of());

    assertThatThrownBy(
            () ->
                audited.run(
                    caller(Role.ADMIN, Scope.everywhere()),
                    Verb.MUTATE,
                    target,
                    "apply",
                    () -> {
                      throw conflict;
                    }))
        .isSameAs(conflict);

    assertThat(only().entry().error()).isEqualTo("resource.conflict: field conflict");
  }

  @Test
  void tamperingIsFound() {
    for (int i = 0; i < 3; i++) {
      audited.run(
          caller(Role.ADMIN, Scope.everywhere()),
          Verb.MUTATE,
          target,
          "apply",
          () -> AuditedAction.Outcome.of(null));
    }
    AuditRecord second = log.find(AuditQuery.latest(10)).get(1);
    AuditEntry e = second.entry();
    AuditEntry forged =
        new AuditEntry(
            e.time(),
            "mallory",
            e.origin(),
            e.clientAddress(),
            e.cluster(),
            e.namespace(),
            e.kind(),
            e.name(),
            e.verb(),
            e.diff(),
            e.result(),
            e.error());
    log.tamper(1, new AuditRecord(second.sequence(), forged, second.previousHash(), second.hash()));

    assertThat(log.verify()).hasValueSatisfying(b -> assertThat(b.sequence()).isEqualTo(2));
  }

  private AuditRecord only() {
    List<AuditRecord> records = log.find(AuditQuery.latest(10));
    assertThat(records).hasSize(1);
    return records.getFirst();
  }
}
