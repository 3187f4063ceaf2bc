package io.kubeward.server.logarchive;

import io.kubeward.access.app.Caller;
import io.kubeward.logarchive.app.LogArchiveException;
import io.kubeward.logarchive.app.ManageLogArchive;
import io.kubeward.logarchive.app.SearchPastLogs;
import io.kubeward.logarchive.domain.LogArchiveSettings;
import io.kubeward.logarchive.domain.LogLine;
import io.kubeward.logarchive.domain.LogPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Past-log search in a cluster's Elasticsearch/OpenSearch (ADR 0028): the settings (administrators
 * only, audited, the secret write-only) and the search (whoever the cluster lets {@code get
 * pods/log} in the namespace).
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class LogArchiveController {

  private final ManageLogArchive manage;
  private final SearchPastLogs search;

  LogArchiveController(ManageLogArchive manage, SearchPastLogs search) {
    this.manage = manage;
    this.search = search;
  }

  @Schema(name = "LogArchiveFields", description = "Document fields; defaults are fluent-bit's")
  record Fields(
      @Nullable String timestamp,
      @Nullable String namespace,
      @Nullable String pod,
      @Nullable String container,
      @Nullable String message,
      @Schema(description = "Appended for exact/prefix filters, e.g. .keyword or empty")
          @Nullable String keywordSuffix) {

    LogArchiveSettings.Fields make() {
      LogArchiveSettings.Fields d = LogArchiveSettings.Fields.FLUENT;
      return new LogArchiveSettings.Fields(
          timestamp == null ? d.timestamp() : timestamp,
          namespace == null ? d.namespace() : namespace,
          pod == null ? d.pod() : pod,
          container == null ? d.container() : container,
          message == null ? d.message() : message,
          keywordSuffix == null ? d.keywordSuffix() : keywordSuffix);
    }

    static Fields of(LogArchiveSettings.Fields f) {
      return new Fields(
          f.timestamp(), f.namespace(), f.pod(), f.container(), f.message(), f.keywordSuffix());
    }
  }

  @Schema(
      name = "LogArchiveSettingsChange",
      description =
          "A cluster's log archive. The secret is write-only: leave it out to keep the stored one"
              + " (same auth kind).")
  record Change(
      @Schema(description = "Base URL, e.g. https://opensearch.logging:9200") String url,
      @Schema(description = "Indices searched (default logstash-*)", nullable = true)
          @Nullable String indexPattern,
      @Schema(
              allowableValues = {"none", "basic", "bearer", "api-key"},
              nullable = true)
          @Nullable String auth,
      @Nullable String username,
      @Schema(description = "Password, bearer token or API key (write-only)", nullable = true)
          @Nullable String secret,
      @Nullable Boolean insecureSkipVerify,
      @Nullable String caPem,
      @Schema(description = "Allow loopback, link-local, metadata... addresses (SSRF guard)")
          @Nullable Boolean allowPrivateAddresses,
      @Schema(description = "Search timeout in seconds (default 10, at most 60)")
          @Nullable Double timeout,
      @Nullable Fields fields) {

    @Override
    public String toString() {
      return "Change[url=" + url + ", auth=" + auth + "]";
    }

    LogArchiveSettings make(@Nullable LogArchiveSettings before) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("url is required");
      }
      LogArchiveSettings.Auth kind;
      try {
        kind =
            auth == null
                ? LogArchiveSettings.Auth.NONE
                : LogArchiveSettings.Auth.valueOf(
                    auth.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("auth is none, basic, bearer or api-key");
      }
      String kept =
          secret == null && before != null && before.auth() == kind ? before.secret() : secret;
      double seconds = timeout == null || timeout.isNaN() ? 10 : timeout;
      if (seconds <= 0 || seconds > 60) {
        throw new IllegalArgumentException("timeout is between 0 and 60 seconds");
      }
      URI uri;
      try {
        uri = new URI(url.strip());
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("url is not a URL: " + e.getReason());
      }
      return new LogArchiveSettings(
          uri,
          indexPattern == null || indexPattern.isBlank() ? "logstash-*" : indexPattern.strip(),
          kind,
          username,
          kept,
          Boolean.TRUE.equals(insecureSkipVerify),
          caPem,
          Boolean.TRUE.equals(allowPrivateAddresses),
          Duration.ofMillis((long) (seconds * 1000)),
          fields == null ? LogArchiveSettings.Fields.FLUENT : fields.make());
    }
  }

  @Schema(name = "LogArchiveSettings", description = "A cluster's log archive; secret never shown")
  record View(
      String url,
      String indexPattern,
      @Schema(allowableValues = {"none", "basic", "bearer", "api-key"}) String auth,
      @Nullable String username,
      boolean secretStored,
      boolean insecureSkipVerify,
      boolean caPemStored,
      boolean allowPrivateAddresses,
      @Schema(description = "Search timeout in seconds") double timeout,
      Fields fields,
      String updatedBy,
      Instant updatedAt) {

    static View of(ManageLogArchive.View v) {
      return new View(
          v.url(),
          v.indexPattern(),
          v.auth().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          v.username(),
          v.secretSet(),
          v.insecureSkipVerify(),
          v.caPemSet(),
          v.allowPrivateAddresses(),
          v.timeoutMillis() / 1000.0,
          Fields.of(v.fields()),
          v.updatedBy(),
          v.updatedAt());
    }
  }

  @Schema(name = "PastLogLine")
  record Line(
      @Nullable Instant timestamp,
      @Nullable String namespace,
      @Nullable String pod,
      @Nullable String container,
      String message) {
    static Line of(LogLine l) {
      return new Line(l.timestamp(), l.namespace(), l.pod(), l.container(), l.message());
    }
  }

  @Schema(name = "PastLogs", description = "Lines newest first; truncated: there may be more")
  record Page(List<Line> lines, boolean truncated) {
    static Page of(LogPage p) {
      return new Page(p.lines().stream().map(Line::of).toList(), p.truncated());
    }
  }

  @Schema(name = "LogArchiveStatus")
  record Status(boolean configured) {}

  @Operation(summary = "The cluster's log archive settings (admin); 404 if none")
  @GetMapping("/log-archive")
  View get(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return manage
        .get(caller, cluster)
        .map(View::of)
        .orElseThrow(() -> LogArchiveException.notConfigured(cluster));
  }

  @Operation(summary = "Configure the cluster's log archive (admin, audited; SSRF-checked)")
  @PutMapping("/log-archive")
  View put(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Change change) {
    return View.of(manage.put(caller, cluster, change::make));
  }

  @Operation(summary = "Remove the cluster's log archive (admin, audited)")
  @DeleteMapping("/log-archive")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    manage.delete(caller, cluster);
  }

  @Operation(summary = "Whether past logs can be searched in this cluster")
  @GetMapping("/log-archive/status")
  Status status(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return new Status(search.configured(caller, cluster));
  }

  @Operation(
      summary = "Search past logs of a namespace, pod or workload, newest first",
      description =
          "Needs get pods/log in the namespace (asked of the cluster as the caller). workloadKind:"
              + " Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob (its pods by"
              + " name). text: a phrase of the message. from/to: ISO-8601 (default the last hour;"
              + " at most kubeward.log-archive.max-range). limit: 1 to max-limit.")
  @GetMapping("/past-logs")
  Page pastLogs(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam String namespace,
      @RequestParam(required = false) String pod,
      @RequestParam(required = false) String workloadKind,
      @RequestParam(required = false) String workloadName,
      @RequestParam(required = false) String container,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String limit) {
    Integer size;
    try {
      size = limit == null || limit.isBlank() ? null : Integer.valueOf(limit.strip());
    } catch (NumberFormatException e) {
      throw LogArchiveException.invalid(cluster, "limit is a number");
    }
    return Page.of(
        search.search(
            caller,
            cluster,
            new SearchPastLogs.Request(
                namespace,
                pod,
                workloadKind,
                workloadName,
                container,
                text,
                instant(cluster, "from", from),
                instant(cluster, "to", to),
                size)));
  }

  private static @Nullable Instant instant(String cluster, String name, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw LogArchiveException.invalid(cluster, name + " is an ISO-8601 time");
    }
  }
}
