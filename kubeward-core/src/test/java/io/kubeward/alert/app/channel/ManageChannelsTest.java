package io.kubeward.alert.app.channel;

import static io.kubeward.alert.domain.channel.ChannelFixtures.T0;
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
import io.kubeward.audit.app.AuditQuery;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.audit.app.InMemoryAuditLog;
import io.kubeward.audit.domain.AuditEntry;
import io.kubeward.audit.domain.AuditRecord;
import io.kubeward.history.app.OutboundGuard;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManageChannelsTest {

  private final ChannelTestSupport.MemoryStore store = new ChannelTestSupport.MemoryStore();
  private final ChannelTestSupport.FakeHistory history = new ChannelTestSupport.FakeHistory();
  private final ChannelTestSupport.SleepClock clock = new ChannelTestSupport.SleepClock(T0);
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final OutboundGuard guard =
      new OutboundGuard(
          host ->
              List.of(
                  host.equals("hooks.example.com")
                      ? InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})
                      : InetAddress.getByAddress(
                          host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})));
  private final ChannelDelivery delivery =
      new ChannelDelivery(
          store,
          ChannelTypes.builtIn(),
          guard,
          post -> new Transports.HttpAnswer(204, ""),
          mail -> {},
          history,
          DeliverySettings.defaults(),
          clock,
          clock);
  private final ManageChannels manage =
      new ManageChannels(
          store,
          ChannelTypes.builtIn(),
          guard,
          delivery,
          new AuditedAction(audit, TestAuthorizers.impersonating(), clock),
          clock);

  private static final Caller ADMIN =
      new Caller(
          new Principal("alice", List.of(new Grant(Role.ADMIN, Scope.everywhere()))),
          Origin.API,
          "127.0.0.1");
  private static final Caller OPERATOR =
      new Caller(
          new Principal("bob", List.of(new Grant(Role.OPERATOR, Scope.everywhere()))),
          Origin.API,
          "127.0.0.1");

  @AfterEach
  void close() {
    delivery.close();
  }

  private static ManageChannels.Change webhook(String url, Map<String, String> secrets) {
    return new ManageChannels.Change(
        "webhook", true, "zh-CN", Map.of("url", url), secrets, null, 10, null, null);
  }

  private List<AuditEntry> audited() {
    return audit
        .find(new AuditQuery(null, null, null, null, null, null, null, null, null, 100))
        .stream()
        .map(AuditRecord::entry)
        .toList();
  }

  @Test
  void createsAndShowsOnlyWhichSecretsAreSet() {
    ManageChannels.View view =
        manage.create(
            ADMIN,
            "ops",
            webhook("https://hooks.example.com/x", Map.of("hmacKey", "super-secret-key-123")));

    assertThat(view.secretsSet()).containsExactly("hmacKey");
    assertThat(view.toString()).doesNotContain("super-secret-key-123");
    assertThat(view.language()).isEqualTo("zh-CN");
    assertThat(store.find("ops").orElseThrow().settings().secret("hmacKey"))
        .isEqualTo("super-secret-key-123");
    AuditEntry entry = audited().get(0);
    assertThat(entry.verb()).isEqualTo("alert-channel.create");
    assertThat(entry.diff()).contains("+ secrets.hmacKey: (set)").doesNotContain("super-secret");
  }

  @Test
  void aReplaceKeepsSecretsItLeavesOutAndRemovesEmptyOnes() {
    manage.create(
        ADMIN,
        "ops",
        webhook("https://hooks.example.com/x", Map.of("hmacKey", "super-secret-key-123")));

    manage.replace(ADMIN, "ops", webhook("https://hooks.example.com/y", Map.of()));
    assertThat(store.find("ops").orElseThrow().settings().secret("hmacKey"))
        .isEqualTo("super-secret-key-123");

    Map<String, String> change = new HashMap<>();
    change.put("hmacKey", "another-secret-key-456");
    manage.replace(ADMIN, "ops", webhook("https://hooks.example.com/y", change));
    assertThat(audited().get(0).diff()).contains("~ secrets.hmacKey: (changed)");

    manage.replace(ADMIN, "ops", webhook("https://hooks.example.com/y", Map.of("hmacKey", "")));
    assertThat(store.find("ops").orElseThrow().settings().secrets()).isEmpty();
  }

  @Test
  void refusesInvalidChannelsAndPrivateDestinations() {
    assertThatThrownBy(() -> manage.create(ADMIN, "ops", webhook("ftp://x", Map.of())))
        .isInstanceOf(ChannelException.class)
        .hasMessageContaining("url must start with http:// or https://");
    assertThatThrownBy(
            () -> manage.create(ADMIN, "ops", webhook("http://metadata.internal/x", Map.of())))
        .isInstanceOf(ChannelException.class)
        .extracting(e -> ((ChannelException) e).code())
        .isEqualTo(ChannelException.ADDRESS_REFUSED);
    assertThatThrownBy(
            () ->
                manage.create(
                    ADMIN,
                    "ops",
                    new ManageChannels.Change(
                        "pager", null, null, Map.of(), Map.of(), null, null, null, null)))
        .hasMessageContaining("No channel type pager");
    assertThat(store.all()).isEmpty();
    assertThat(audited())
        .allSatisfy(e -> assertThat(e.result()).isEqualTo(AuditEntry.Result.FAILURE));
  }

  @Test
  void onlyAdministratorsManageChannels() {
    assertThatThrownBy(() -> manage.list(OPERATOR)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () -> manage.create(OPERATOR, "ops", webhook("https://hooks.example.com/x", Map.of())))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(audited()).singleElement().satisfies(e -> assertThat(e.user()).isEqualTo("bob"));
  }

  @Test
  void sendsAnAuditedTestMessage() {
    manage.create(ADMIN, "ops", webhook("https://hooks.example.com/x", Map.of()));

    ManageChannels.TestResult result = manage.test(ADMIN, "ops");

    assertThat(result.delivered()).isTrue();
    assertThat(audited().get(0).verb()).isEqualTo("alert-channel.test");
    assertThat(history.results("ops")).containsExactly("delivered#1");
  }

  @Test
  void deletes() {
    manage.create(ADMIN, "ops", webhook("https://hooks.example.com/x", Map.of()));
    manage.delete(ADMIN, "ops");
    assertThat(store.all()).isEmpty();
    assertThatThrownBy(() -> manage.delete(ADMIN, "ops"))
        .isInstanceOf(ChannelException.class)
        .hasMessage("No alert channel ops");
  }
}
