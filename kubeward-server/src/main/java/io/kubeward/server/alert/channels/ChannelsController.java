package io.kubeward.server.alert.channels;

import io.kubeward.access.app.Caller;
import io.kubeward.alert.app.channel.ChannelException;
import io.kubeward.alert.app.channel.ManageChannels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert channels (administrators only; changes and test messages audited). Secrets are write-only:
 * an answer says which are set ({@code "secrets": {"hmacKey": {"set": true}}}), never what they
 * are.
 */
@RestController
@RequestMapping("/api/v1/alerting")
class ChannelsController {

  private final ManageChannels manage;

  ChannelsController(ManageChannels manage) {
    this.manage = manage;
  }

  @Schema(
      name = "AlertChannelChange",
      description =
          "An alert channel. Secrets are write-only: leave one out (or null) to keep the stored"
              + " value, send \"\" to remove it.")
  record Change(
      @Schema(description = "DNS label; only in POST (PUT takes it from the path)", nullable = true)
          @Nullable String name,
      @Schema(description = "webhook, email, slack, dingtalk, wecom, feishu, alertmanager")
          String type,
      @Schema(description = "Default true", nullable = true) @Nullable Boolean enabled,
      @Schema(
              description = "Language of the messages",
              allowableValues = {"en", "zh-CN"},
              nullable = true)
          @Nullable String language,
      @Schema(description = "The type's plain settings, e.g. url", nullable = true)
          @Nullable Map<String, String> settings,
      @Schema(description = "The type's secrets (write-only), e.g. hmacKey", nullable = true)
          @Nullable Map<String, String> secrets,
      @Schema(
              description =
                  "Allow loopback, link-local, cloud metadata, unspecified and multicast"
                      + " addresses (refused by default: SSRF guard)",
              nullable = true)
          @Nullable Boolean allowPrivateAddresses,
      @Schema(
              description =
                  "Attempts per minute at most (1–600; default: the type's, 30 for webhook and email)",
              nullable = true)
          @Nullable Integer maxPerMinute,
      @Schema(description = "Title template, e.g. {{ status }} {{ alertname }}", nullable = true)
          @Nullable String titleTemplate,
      @Schema(description = "Body template, e.g. {{ summary }}\\n{{ alerts }}", nullable = true)
          @Nullable String bodyTemplate) {

    @Override
    public String toString() {
      return "Change[name=" + name + ", type=" + type + "]";
    }

    ManageChannels.Change change() {
      return new ManageChannels.Change(
          type,
          enabled,
          language,
          settings,
          secrets,
          allowPrivateAddresses,
          maxPerMinute,
          titleTemplate,
          bodyTemplate);
    }
  }

  @Schema(name = "AlertChannelSecret", description = "A write-only secret: only whether it is set")
  record SecretState(boolean set) {}

  @Schema(name = "AlertChannel", description = "An alert channel; secrets never shown")
  record View(
      String name,
      String type,
      boolean enabled,
      @Schema(allowableValues = {"en", "zh-CN"}) String language,
      Map<String, String> settings,
      Map<String, SecretState> secrets,
      boolean allowPrivateAddresses,
      int maxPerMinute,
      @Schema(nullable = true) @Nullable String titleTemplate,
      @Schema(nullable = true) @Nullable String bodyTemplate,
      String updatedBy,
      Instant updatedAt) {

    static View of(ManageChannels.View v) {
      Map<String, SecretState> secrets = new LinkedHashMap<>();
      v.secretsSet().forEach(name -> secrets.put(name, new SecretState(true)));
      return new View(
          v.name(),
          v.type(),
          v.enabled(),
          v.language(),
          v.settings(),
          secrets,
          v.allowPrivateAddresses(),
          v.maxPerMinute(),
          v.titleTemplate(),
          v.bodyTemplate(),
          v.updatedBy(),
          v.updatedAt());
    }
  }

  @Schema(name = "AlertChannelType", description = "A channel type and the names its form asks")
  record TypeView(
      String type, List<String> settings, List<String> secrets, List<String> required) {}

  @Schema(name = "AlertChannelTestResult")
  record TestResult(
      boolean delivered,
      @Schema(description = "Latency of the attempt in milliseconds") long latencyMillis,
      @Schema(nullable = true) @Nullable String error) {}

  @Operation(summary = "All alert channels (admin); secrets never shown")
  @GetMapping("/channels")
  List<View> list(@Parameter(hidden = true) Caller caller) {
    return manage.list(caller).stream().map(View::of).toList();
  }

  @Operation(summary = "The channel types and their settings and secrets (admin)")
  @GetMapping("/channel-types")
  List<TypeView> types(@Parameter(hidden = true) Caller caller) {
    return manage.types(caller).stream()
        .map(t -> new TypeView(t.type(), t.settings(), t.secrets(), t.required()))
        .toList();
  }

  @Operation(summary = "Create an alert channel (admin, audited; SSRF-checked); 409 if it exists")
  @PostMapping("/channels")
  @ResponseStatus(HttpStatus.CREATED)
  View create(@Parameter(hidden = true) Caller caller, @RequestBody Change change) {
    if (change.name() == null || change.name().isBlank()) {
      throw ChannelException.invalid("", List.of("name is required"));
    }
    return View.of(manage.create(caller, change.name(), change.change()));
  }

  @Operation(summary = "One alert channel (admin); secrets never shown")
  @GetMapping("/channels/{name}")
  View get(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    return View.of(manage.get(caller, name));
  }

  @Operation(
      summary =
          "Replace an alert channel, or create it when missing (admin, audited; SSRF-checked)")
  @PutMapping("/channels/{name}")
  View put(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String name,
      @RequestBody Change change) {
    if (change.name() != null && !change.name().equals(name)) {
      throw ChannelException.invalid(name, List.of("name in the body differs from the path"));
    }
    return View.of(manage.put(caller, name, change.change()));
  }

  @Operation(summary = "Delete an alert channel (admin, audited)")
  @DeleteMapping("/channels/{name}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    manage.delete(caller, name);
  }

  @Operation(
      summary =
          "Send a test message through the channel now (admin, audited): one attempt, recorded in"
              + " the alerting history")
  @PostMapping("/channels/{name}/test")
  TestResult test(@Parameter(hidden = true) Caller caller, @PathVariable String name) {
    ManageChannels.TestResult r = manage.test(caller, name);
    return new TestResult(r.delivered(), r.latencyMillis(), r.error());
  }
}
