package io.kubeward.alert.app.channel;

import io.kubeward.access.app.Authorizer;
import io.kubeward.access.app.Caller;
import io.kubeward.access.domain.Verb;
import io.kubeward.alert.domain.Alert;
import io.kubeward.alert.domain.AlertLabels;
import io.kubeward.alert.domain.AlertScope;
import io.kubeward.alert.domain.AlertState;
import io.kubeward.alert.domain.Delivery;
import io.kubeward.alert.domain.Notification;
import io.kubeward.alert.domain.RuleKey;
import io.kubeward.alert.domain.channel.ChannelLanguage;
import io.kubeward.alert.domain.channel.ChannelSettings;
import io.kubeward.alert.domain.channel.ChannelType;
import io.kubeward.alert.domain.channel.ChannelValidator;
import io.kubeward.audit.app.AuditedAction;
import io.kubeward.history.app.OutboundGuard;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Use cases: the alert channels (administrators only). Creating, replacing, deleting and sending a
 * test message are audited ({@code alert-channel.create}, {@code .replace}, {@code .delete}, {@code
 * .test}) with a diff that names changed secrets but never shows them. Secrets are write-only: a
 * replace that leaves a secret out (or sends {@code null}) keeps the stored one; an empty string
 * removes it. Every destination passes the {@link OutboundGuard} when saved.
 */
public final class ManageChannels {

  /** The limit of channels a site may have. */
  public static final int MAX_CHANNELS = 500;

  /** A channel as an administrator sends it; {@code null} fields take defaults. */
  public record Change(
      @Nullable String type,
      @Nullable Boolean enabled,
      @Nullable String language,
      @Nullable Map<String, String> settings,
      @Nullable Map<String, String> secrets,
      @Nullable Boolean allowPrivateAddresses,
      @Nullable Integer maxPerMinute,
      @Nullable String titleTemplate,
      @Nullable String bodyTemplate) {

    @Override
    public String toString() {
      return "Change[type="
          + type
          + ", settings="
          + settings
          + ", secrets="
          + (secrets == null ? null : secrets.keySet())
          + "]";
    }
  }

  /** A channel as the API shows it: the names of its stored secrets, never their values. */
  public record View(
      String name,
      String type,
      boolean enabled,
      String language,
      Map<String, String> settings,
      List<String> secretsSet,
      boolean allowPrivateAddresses,
      int maxPerMinute,
      @Nullable String titleTemplate,
      @Nullable String bodyTemplate,
      String updatedBy,
      Instant updatedAt) {

    static View of(ChannelStore.Stored stored) {
      ChannelSettings s = stored.settings();
      // the store never keeps an empty secret; an unreadable one is listed with an empty value
      List<String> set = new ArrayList<>(s.secrets().keySet());
      return new View(
          s.name(),
          s.type(),
          s.enabled(),
          s.language().tag(),
          s.settings(),
          List.copyOf(new TreeSet<>(set)),
          s.allowPrivateAddresses(),
          s.maxPerMinute(),
          s.titleTemplate(),
          s.bodyTemplate(),
          stored.updatedBy(),
          stored.updatedAt());
    }
  }

  /** A channel type as the console's form needs it. */
  public record TypeView(
      String type, List<String> settings, List<String> secrets, List<String> required) {}

  /** The outcome of a test message. */
  public record TestResult(boolean delivered, long latencyMillis, @Nullable String error) {}

  private final ChannelStore store;
  private final ChannelTypes types;
  private final OutboundGuard guard;
  private final ChannelDelivery delivery;
  private final AuditedAction audited;
  private final Clock clock;

  public ManageChannels(
      ChannelStore store,
      ChannelTypes types,
      OutboundGuard guard,
      ChannelDelivery delivery,
      AuditedAction audited,
      Clock clock) {
    this.store = store;
    this.types = types;
    this.guard = guard;
    this.delivery = delivery;
    this.audited = audited;
    this.clock = clock;
  }

  public List<View> list(Caller caller) {
    Authorizer.requireAdmin(caller);
    return store.all().stream().map(View::of).toList();
  }

  public View get(Caller caller, String name) {
    Authorizer.requireAdmin(caller);
    return View.of(store.find(name).orElseThrow(() -> ChannelException.notFound(name)));
  }

  public List<TypeView> types(Caller caller) {
    Authorizer.requireAdmin(caller);
    return types.all().stream()
        .map(
            t ->
                new TypeView(
                    t.type(),
                    List.copyOf(new TreeSet<>(t.settingNames())),
                    List.copyOf(new TreeSet<>(t.secretNames())),
                    List.copyOf(new TreeSet<>(t.requiredNames()))))
        .toList();
  }

  public View create(Caller caller, String name, Change change) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "alert-channel.create",
        () -> {
          if (store.find(name).isPresent()) {
            throw ChannelException.exists(name);
          }
          if (store.all().size() >= MAX_CHANNELS) {
            throw ChannelException.invalid(name, List.of("at most " + MAX_CHANNELS + " channels"));
          }
          ChannelSettings settings = merge(name, change, null);
          check(settings);
          ChannelStore.Stored stored =
              new ChannelStore.Stored(settings, caller.username(), clock.instant());
          if (!store.insert(stored)) {
            throw ChannelException.exists(name);
          }
          return new AuditedAction.Outcome<>(View.of(stored), diff(null, settings));
        });
  }

  public View replace(Caller caller, String name, Change change) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "alert-channel.replace",
        () -> {
          ChannelStore.Stored before =
              findEvenUnreadable(name).orElseThrow(() -> ChannelException.notFound(name));
          ChannelSettings settings = merge(name, change, before.settings());
          check(settings);
          ChannelStore.Stored stored =
              new ChannelStore.Stored(settings, caller.username(), clock.instant());
          if (!store.update(stored)) {
            throw ChannelException.notFound(name);
          }
          return new AuditedAction.Outcome<>(View.of(stored), diff(before.settings(), settings));
        });
  }

  /** Replaces the channel, or creates it when there is none of that name. */
  public View put(Caller caller, String name, Change change) {
    return findEvenUnreadable(name).isPresent()
        ? replace(caller, name, change)
        : create(caller, name, change);
  }

  /**
   * The channel; one whose secrets no longer decrypt with empty secrets (so that an administrator
   * can enter them again).
   */
  private Optional<ChannelStore.Stored> findEvenUnreadable(String name) {
    try {
      return store.find(name);
    } catch (ChannelException unreadable) {
      return store.all().stream().filter(c -> c.settings().name().equals(name)).findFirst();
    }
  }

  public void delete(Caller caller, String name) {
    audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "alert-channel.delete",
        () -> {
          Optional<ChannelStore.Stored> before;
          try {
            before = store.find(name);
          } catch (ChannelException unreadable) {
            before = Optional.empty();
          }
          if (!store.delete(name)) {
            throw ChannelException.notFound(name);
          }
          return new AuditedAction.Outcome<>(
              null, before.map(b -> diff(b.settings(), null)).orElse("- channel " + name));
        });
  }

  /** Sends a made-up alert to the channel once, now (audited: it reaches the outside). */
  public TestResult test(Caller caller, String name) {
    return audited.run(
        caller,
        Verb.ADMINISTER,
        target(name),
        "alert-channel.test",
        () -> {
          store.find(name).orElseThrow(() -> ChannelException.notFound(name));
          Delivery d =
              delivery.sendOnce(testNotification(name, caller.username(), clock.instant()));
          TestResult result = new TestResult(d.delivered(), d.latency().toMillis(), d.error());
          return new AuditedAction.Outcome<>(
              result,
              d.delivered() ? "test message delivered" : "test message failed: " + d.error());
        });
  }

  /** The "send test message" notification: one made-up firing alert, site scope. */
  public static Notification testNotification(String channel, String by, Instant now) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(AlertLabels.ALERTNAME, "kubeward-test");
    labels.put(AlertLabels.SEVERITY, "info");
    labels.put("sent_by", by);
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(AlertLabels.SUMMARY, "Test message sent by " + by);
    annotations.put(AlertLabels.SUMMARY + AlertLabels.ZH_SUFFIX, "由 " + by + " 发送的测试消息");
    Alert alert =
        new Alert(
            AlertLabels.fingerprint(labels),
            AlertScope.site(),
            RuleKey.of("kubeward:test"),
            new TreeMap<>(labels),
            annotations,
            AlertState.FIRING,
            now,
            now,
            null,
            now,
            null);
    return new Notification(
        channel,
        AlertScope.site(),
        "test/" + channel,
        Map.of(AlertLabels.ALERTNAME, "kubeward-test"),
        List.of(alert),
        List.of(),
        now,
        true);
  }

  private static AuditedAction.Target target(String name) {
    return new AuditedAction.Target(Authorizer.KUBEWARD, null, "AlertChannel", name);
  }

  ChannelSettings merge(String name, Change change, @Nullable ChannelSettings before) {
    List<String> problems = new ArrayList<>();
    String type = change.type() != null ? change.type() : before == null ? null : before.type();
    if (type == null) {
      throw ChannelException.invalid(name, List.of("type is required"));
    }
    ChannelType channelType =
        types
            .find(type)
            .orElseThrow(
                () ->
                    ChannelException.unknownType(
                        type, types.all().stream().map(ChannelType::type).toList()));
    ChannelLanguage language = ChannelLanguage.EN;
    if (change.language() != null) {
      Optional<ChannelLanguage> parsed = ChannelLanguage.ofTag(change.language());
      if (parsed.isEmpty()) {
        problems.add("language must be en or zh-CN");
      } else {
        language = parsed.get();
      }
    }
    Map<String, String> settings = new TreeMap<>();
    if (change.settings() != null) {
      change
          .settings()
          .forEach(
              (k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                  settings.put(k, v.strip());
                }
              });
    }
    Map<String, String> secrets = new TreeMap<>();
    boolean sameType = before != null && before.type().equals(type);
    if (sameType) {
      before
          .secrets()
          .forEach(
              (k, v) -> {
                if (v != null && !v.isEmpty()) {
                  secrets.put(k, v);
                }
              });
    }
    if (change.secrets() != null) {
      change
          .secrets()
          .forEach(
              (k, v) -> {
                if (k == null || v == null) {
                  return;
                }
                if (v.isEmpty()) {
                  secrets.remove(k);
                } else {
                  secrets.put(k, v);
                }
              });
    }
    // a value moved from secret to setting (or back): the newest place wins
    settings
        .keySet()
        .forEach(
            k -> {
              if (change.secrets() == null || !change.secrets().containsKey(k)) {
                secrets.remove(k);
              }
            });
    if (!problems.isEmpty()) {
      throw ChannelException.invalid(name, problems);
    }
    return new ChannelSettings(
        name,
        type,
        change.enabled() == null || change.enabled(),
        language,
        settings,
        secrets,
        blankToNull(change.titleTemplate()),
        blankToNull(change.bodyTemplate()),
        change.maxPerMinute() == null ? channelType.defaultMaxPerMinute() : change.maxPerMinute(),
        change.allowPrivateAddresses() != null && change.allowPrivateAddresses());
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** The one validation and the SSRF guard on every destination. */
  void check(ChannelSettings settings) {
    ChannelType type =
        types
            .find(settings.type())
            .orElseThrow(() -> ChannelException.unknownType(settings.type(), List.of()));
    List<String> problems = ChannelValidator.validate(settings, type);
    if (!problems.isEmpty()) {
      throw ChannelException.invalid(settings.name(), problems);
    }
    List<URI> destinations;
    try {
      destinations = type.destinations(settings);
    } catch (IllegalArgumentException e) {
      throw ChannelException.invalid(settings.name(), List.of(e.getMessage()));
    }
    for (URI destination : destinations) {
      guard
          .judge(destination, settings.allowPrivateAddresses())
          .ifPresent(
              refusal -> {
                if (refusal.unresolved()) {
                  throw ChannelException.invalid(settings.name(), List.of(refusal.reason()));
                }
                throw ChannelException.addressRefused(
                    settings.name(),
                    refusal.host(),
                    refusal.reason()
                        + "; an administrator may allow it with allowPrivateAddresses");
              });
    }
  }

  /** What changed, naming secrets but never showing them. */
  static String diff(@Nullable ChannelSettings before, @Nullable ChannelSettings after) {
    List<String> lines = new ArrayList<>();
    Map<String, String> a = describe(before);
    Map<String, String> b = describe(after);
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String key : keys) {
      String x = a.get(key);
      String y = b.get(key);
      if (x != null && x.equals(y)) {
        continue;
      }
      if (x != null) {
        lines.add("- " + key + ": " + x);
      }
      if (y != null) {
        lines.add("+ " + key + ": " + y);
      }
    }
    if (before != null && after != null) {
      for (String key : new TreeSet<>(after.secrets().keySet())) {
        String old = before.secrets().get(key);
        if (old != null && !old.equals(after.secrets().get(key))) {
          lines.add("~ secrets." + key + ": (changed)");
        }
      }
    }
    return lines.isEmpty() ? "(no change)" : String.join("\n", lines);
  }

  private static Map<String, String> describe(@Nullable ChannelSettings s) {
    Map<String, String> m = new TreeMap<>();
    if (s == null) {
      return m;
    }
    m.put("type", s.type());
    m.put("enabled", Boolean.toString(s.enabled()));
    m.put("language", s.language().tag());
    s.settings().forEach((k, v) -> m.put("settings." + k, v));
    s.secrets().forEach((k, v) -> m.put("secrets." + k, "(set)"));
    m.put("allowPrivateAddresses", Boolean.toString(s.allowPrivateAddresses()));
    m.put("maxPerMinute", Integer.toString(s.maxPerMinute()));
    if (s.titleTemplate() != null) {
      m.put("titleTemplate", s.titleTemplate());
    }
    if (s.bodyTemplate() != null) {
      m.put("bodyTemplate", "(" + s.bodyTemplate().length() + " characters)");
    }
    return m;
  }
}
