package io.kubeward.server.etcd;

import io.kubeward.access.app.Caller;
import io.kubeward.etcd.app.ManageEtcdConnections;
import io.kubeward.etcd.app.ManageEtcdSnapshots;
import io.kubeward.etcd.domain.CertificateInfo;
import io.kubeward.etcd.domain.EtcdSnapshot;
import io.kubeward.etcd.domain.SnapshotVerification;
import io.kubeward.server.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * etcd connections and snapshots (administrators only, ADR 0043; changes, verifications and
 * downloads audited). The CA, client certificate and key are write-only: answers show their
 * fingerprints, subjects and validity, never the PEM.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}/etcd")
class EtcdController {

  private final ManageEtcdConnections connections;
  private final ManageEtcdSnapshots snapshots;

  EtcdController(ManageEtcdConnections connections, ManageEtcdSnapshots snapshots) {
    this.connections = connections;
    this.snapshots = snapshots;
  }

  @Schema(
      name = "EtcdConnectionChange",
      description =
          "How Kubeward reaches the cluster's etcd. PEM fields are write-only: leave one out (or"
              + " null) to keep the stored value.")
  record Change(
      @Schema(description = "https://host:port of etcd's client port (1–16)", nullable = true)
          @Nullable List<String> endpoints,
      @Schema(description = "PEM: the CA that signed etcd's serving certificate", nullable = true)
          @Nullable String ca,
      @Schema(description = "PEM: the client certificate etcd trusts", nullable = true)
          @Nullable String cert,
      @Schema(description = "PEM (PKCS#8): the client certificate's key", nullable = true)
          @Nullable String key,
      @Schema(description = "Storage location of the snapshots (default local)", nullable = true)
          @Nullable String location,
      @Schema(description = "Snapshots kept (the oldest beyond are deleted)", nullable = true)
          @Nullable Integer retain) {

    @Override
    public String toString() {
      return "Change[endpoints=" + endpoints + ", location=" + location + "]";
    }
  }

  @Schema(name = "EtcdCertificate", description = "A stored certificate: never its PEM")
  record Certificate(
      String subject,
      String issuer,
      String sha256Fingerprint,
      Instant notBefore,
      Instant notAfter) {
    static Certificate of(CertificateInfo i) {
      return new Certificate(
          i.subject(), i.issuer(), i.sha256Fingerprint(), i.notBefore(), i.notAfter());
    }
  }

  @Schema(name = "EtcdConnection", description = "A cluster's etcd connection; secrets never shown")
  record View(
      String cluster,
      List<String> endpoints,
      String location,
      int retain,
      Certificate clientCertificate,
      List<Certificate> ca,
      boolean keySet,
      String updatedBy,
      Instant updatedAt) {
    static View of(ManageEtcdConnections.View v) {
      return new View(
          v.cluster(),
          v.endpoints(),
          v.location(),
          v.retain(),
          Certificate.of(v.clientCertificate()),
          v.ca().stream().map(Certificate::of).toList(),
          v.keySet(),
          v.updatedBy(),
          v.updatedAt());
    }
  }

  @Schema(name = "EtcdSnapshot", description = "A stored etcd snapshot")
  record Snapshot(
      @Schema(description = "UTC time it was taken, e.g. 20261204T074512Z") String id,
      String cluster,
      String location,
      @Schema(description = "Bytes") long size,
      String sha256,
      @Schema(description = "etcd's revision when the snapshot began", nullable = true)
          @Nullable Long revision,
      @Schema(nullable = true) @Nullable String etcdVersion,
      @Schema(nullable = true) @Nullable String endpoint,
      Instant createdAt) {
    static Snapshot of(EtcdSnapshot s) {
      return new Snapshot(
          s.id(),
          s.cluster(),
          s.location(),
          s.size(),
          s.sha256(),
          s.revision(),
          s.etcdVersion(),
          s.endpoint(),
          s.createdAt());
    }
  }

  @Schema(name = "EtcdSnapshotVerification")
  record Verification(
      String id,
      boolean ok,
      String recordedSha256,
      @Schema(nullable = true) @Nullable String actualSha256,
      long size,
      @Schema(
              description = "etcd's own trailing hash: OK, MISMATCH or ABSENT",
              allowableValues = {"OK", "MISMATCH", "ABSENT"})
          String etcdIntegrity,
      List<String> problems) {
    static Verification of(SnapshotVerification v) {
      return new Verification(
          v.id(),
          v.ok(),
          v.recordedSha256(),
          v.actualSha256(),
          v.size(),
          v.etcdIntegrity().name(),
          v.problems());
    }
  }

  @Operation(summary = "The cluster's etcd connection (admin); certificates shown by fingerprint")
  @GetMapping
  View get(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return View.of(connections.get(caller, cluster));
  }

  @Operation(
      summary = "Set the cluster's etcd connection (admin, audited); the PEM is stored encrypted")
  @PutMapping
  View put(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestBody Change change) {
    return View.of(
        connections.set(
            caller,
            cluster,
            new ManageEtcdConnections.Change(
                change.endpoints(),
                change.ca(),
                change.cert(),
                change.key(),
                change.location(),
                change.retain())));
  }

  @Operation(
      summary = "Remove the cluster's etcd connection (admin, audited); snapshots stay stored")
  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    connections.unset(caller, cluster);
  }

  @Operation(summary = "The cluster's etcd snapshots, newest first (admin)")
  @GetMapping("/snapshots")
  List<Snapshot> list(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return snapshots.list(caller, cluster).stream().map(Snapshot::of).toList();
  }

  @Operation(
      summary =
          "Take a snapshot of the cluster's etcd now (admin, audited); prunes beyond the"
              + " retention count")
  @PostMapping("/snapshots")
  @ResponseStatus(HttpStatus.CREATED)
  Snapshot save(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return Snapshot.of(snapshots.save(caller, cluster));
  }

  @Operation(summary = "One etcd snapshot (admin)")
  @GetMapping("/snapshots/{id}")
  Snapshot getSnapshot(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String id) {
    return Snapshot.of(snapshots.get(caller, cluster, id));
  }

  @Operation(summary = "Delete an etcd snapshot (admin, audited)")
  @DeleteMapping("/snapshots/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteSnapshot(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String id) {
    snapshots.delete(caller, cluster, id);
  }

  @Operation(
      summary =
          "Verify an etcd snapshot (admin, audited): the stored file's SHA-256 against the"
              + " recorded one and etcd's own trailing hash")
  @PostMapping("/snapshots/{id}/verify")
  Verification verify(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String id) {
    return Verification.of(snapshots.verify(caller, cluster, id));
  }

  @Operation(summary = "Download an etcd snapshot (admin, audited): the .db etcdutl restores")
  @GetMapping(
      value = "/snapshots/{id}/download",
      produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
  ResponseEntity<StreamingResponseBody> download(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @PathVariable String id) {
    // checked (and audited) before the response is committed
    ManageEtcdSnapshots.Download download = snapshots.download(caller, cluster, id);
    StreamingResponseBody body =
        out -> {
          try (InputStream in = download.content()) {
            in.transferTo(out);
          }
        };
    EtcdSnapshot s = download.snapshot();
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"etcd-" + cluster + "-" + s.id() + ".db\"")
        .header("X-Checksum-Sha256", s.sha256())
        .contentLength(s.size())
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(Downloads.untilTheClientLeaves("etcd snapshot download", body));
  }
}
