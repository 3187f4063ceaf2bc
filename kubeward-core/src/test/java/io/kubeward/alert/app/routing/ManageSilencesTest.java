package io.kubeward.alert.app.routing;

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
import io.kubeward.alert.domain.HistoryKind;
import io.kubeward.alert.domain.routing.InvalidRoutingException;
import io.kubeward.alert.domain.routing.Silence;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.audit.app.InMemoryAuditLog;
import io.kubeward.audit.domain.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManageSilencesTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private final RoutingFakes.MutableClock clock = new RoutingFakes.MutableClock(T0);
  private final RoutingFakes.Silences store = new RoutingFakes.Silences();
  private final RoutingFakes.History history = new RoutingFakes.History();
  private final List<AuditEntry> entries = new java.util.ArrayList<>();
  private final InMemoryAuditLog memory = new InMemoryAuditLog();
  private final io.kubeward.audit.app.AuditLog audit =
      new io.kubeward.audit.app.AuditLog() {
        @Override
        public io.kubeward.audit.domain.AuditRecord append(AuditEntry entry) {
          entries.add(entry);
          return memory.append(entry);
        }

        @Override
        public List<io.kubeward.audit.domain.AuditRecord> find(io.kubeward.audit.app.AuditQuery q) {
          return memory.find(q);
        }

        @Override
        public io.kubeward.audit.domain.AuditChain.Verification verifyChain() {
          return memory.verifyChain();
        }
      };
  private final TestAuthorizers.GrantReviews reviews = new TestAuthorizers.GrantReviews();
  private final AtomicInteger ids = new AtomicInteger();
  private final ManageSilences silences =
      new ManageSilences(
          store,
          new AuditedAction(audit, TestAuthorizers.impersonating(reviews), clock),
          TestAuthorizers.impersonating(reviews),
          history,
          () -> "s" + ids.incrementAndGet(),
          Duration.ofDays(30),
          clock);

  private Caller caller(String name, Role role, Scope scope) {
    Principal p = new Principal(name, List.of(new Grant(role, scope)));
    reviews.know(p);
    return new Caller(p, Origin.API, "127.0.0.1");
  }

  private static ManageSilences.Request request(String... matchers) {
    return new ManageSilences.Request(List.of(matchers), null, T0.plusSeconds(3600), "deploying");
  }

  @Test
  void anOperatorOfTheClusterCreatesChangesAndExpiresAudited() {
    Caller op = caller("olga", Role.OPERATOR, Scope.cluster("local"));
    var created = silences.create(op, request("cluster=\"local\"", "alertname=\"x\""));
    assertThat(created.state()).isEqualTo(Silence.State.ACTIVE);
    assertThat(created.silence().createdBy()).isEqualTo("olga");
    var changed =
        silences.update(
            op,
            created.silence().id(),
            new ManageSilences.Request(
                List.of("cluster=\"local\"", "alertname=\"y\""),
                null,
                T0.plusSeconds(7200),
                "longer"));
    assertThat(changed.silence().matcherTexts()).contains("alertname=\"y\"");
    clock.advance(Duration.ofMinutes(1));
    var expired = silences.expire(op, created.silence().id());
    assertThat(expired.state()).isEqualTo(Silence.State.EXPIRED);
    assertThat(entries)
        .extracting(AuditEntry::verb)
        .containsExactly("silence.create", "silence.update", "silence.expire");
    assertThat(history.entries)
        .extracting(e -> e.kind())
        .containsOnly(HistoryKind.SILENCE)
        .hasSize(3);
    assertThatThrownBy(
            () -> silences.update(op, created.silence().id(), request("cluster=\"local\"")))
        .isInstanceOf(SilenceExpiredException.class);
  }

  @Test
  void aViewerOrAnOperatorOfAnotherClusterMayNot() {
    Caller viewer = caller("vic", Role.VIEWER, Scope.cluster("local"));
    Caller other = caller("oscar", Role.OPERATOR, Scope.cluster("other"));
    assertThatThrownBy(() -> silences.create(viewer, request("cluster=\"local\"", "a=\"b\"")))
        .isInstanceOf(io.kubeward.common.KubewardException.class);
    assertThatThrownBy(() -> silences.create(other, request("cluster=\"local\"", "a=\"b\"")))
        .isInstanceOf(io.kubeward.common.KubewardException.class);
    assertThatThrownBy(() -> silences.create(other, request("a=\"b\"")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(store.silences).isEmpty();
    assertThat(entries).extracting(AuditEntry::result).containsOnly(AuditEntry.Result.FAILURE);
  }

  @Test
  void anAdministratorSilencesAnythingAndSeesAll() {
    Caller admin = caller("ada", Role.ADMIN, Scope.everywhere());
    silences.create(admin, request("alertname=\"x\""));
    Caller viewer = caller("vic", Role.VIEWER, Scope.cluster("local"));
    assertThat(silences.list(admin, null, 100)).hasSize(1);
    assertThat(silences.list(viewer, null, 100)).isEmpty();
    assertThatThrownBy(() -> silences.create(admin, request("a=~\".*\"")))
        .isInstanceOf(InvalidRoutingException.class);
  }
}
