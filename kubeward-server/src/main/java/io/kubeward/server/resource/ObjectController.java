package io.kubeward.server.resource;

import io.kubeward.access.app.Caller;
import io.kubeward.resource.app.ApplyDocuments;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.app.ResourceException;
import io.kubeward.resource.domain.KindInfo;
import io.kubeward.server.web.BadRequestException;
import io.kubeward.server.web.RequestGuards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any object, CRDs included: discovery, YAML/JSON, apply with a dry-run preview (of one or more
 * YAML documents, {@link ApplyDocuments}), delete. Bodies are YAML or JSON text of at most 1 MiB.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class ObjectController {

  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  private final ObjectAccess objects;
  private final ApplyDocuments documents;

  ObjectController(ObjectAccess objects, ApplyDocuments documents) {
    this.objects = objects;
    this.documents = documents;
  }

  @Operation(summary = "The kinds the cluster serves (discovery)")
  @GetMapping("/kinds")
  List<KindInfo> kinds(@Parameter(hidden = true) Caller caller, @PathVariable String cluster) {
    return objects.kinds(caller, cluster);
  }

  @Operation(
      summary = "The live object as YAML or JSON",
      description =
          "Without managedFields and the last-applied annotation. Secret values are redacted"
              + " unless reveal=true (operator; audited as secret.reveal).")
  @ApiResponse(
      responseCode = "200",
      description = "The object (format=yaml, the default, or json)",
      content = {
        @Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
        @Content(mediaType = "application/json", schema = @Schema(type = "object"))
      })
  @GetMapping("/object")
  ResponseEntity<String> get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam String apiVersion,
      @RequestParam String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam String name,
      @Parameter(schema = @Schema(allowableValues = {"yaml", "json"}))
          @RequestParam(defaultValue = "yaml")
          String format,
      @RequestParam(defaultValue = "false") boolean reveal) {
    boolean json = "json".equalsIgnoreCase(format);
    String text =
        objects.get(
            caller,
            cluster,
            new ObjectAccess.ObjectName(apiVersion, kind, namespace, name),
            json ? ObjectAccess.Format.JSON : ObjectAccess.Format.YAML,
            reveal);
    return ResponseEntity.ok().contentType(json ? MediaType.APPLICATION_JSON : YAML).body(text);
  }

  /**
   * One document's dry run (or the only one's).
   *
   * @param index 1-based, in the order of the body
   */
  record DocumentPreview(
      int index,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      String name,
      boolean changed,
      String diff,
      @Nullable String before,
      String after) {}

  /**
   * The dry run: {@code changed}/{@code diff} over all documents (the diffs one after the other),
   * {@code before}/{@code after} for a body of one document (else {@code null}), and each
   * document's own preview.
   */
  record PreviewAnswer(
      boolean changed,
      String diff,
      @Nullable String before,
      @Nullable String after,
      List<DocumentPreview> documents) {}

  /** One applied document: the dry run's {@code changed}/{@code diff} and the applied YAML. */
  record DocumentApplied(
      int index,
      String apiVersion,
      String kind,
      @Nullable String namespace,
      String name,
      boolean changed,
      String diff,
      String yaml) {}

  /** The answer of an apply asked for as JSON: every document's result, in body order. */
  record ApplyAnswer(List<DocumentApplied> documents) {}

  @Operation(
      summary = "Server-side apply as a dry run: a unified diff of the YAML before and after",
      description =
          "Nothing changes. Needs the right to change each object. The body may hold several"
              + " YAML documents (---): each gets its own preview in documents; if any is"
              + " refused, the answer is resource.documents-refused with a result per document.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "Objects as YAML (one or more documents) or one as JSON, at most 1 MiB",
              content = {
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "application/json", schema = @Schema(type = "object"))
              }))
  @PostMapping(
      value = "/object/preview",
      consumes = {"application/yaml", "application/json", "text/plain", "application/x-yaml"})
  PreviewAnswer preview(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(defaultValue = "false") boolean force,
      HttpServletRequest request) {
    List<ApplyDocuments.DocumentPreview> previews =
        documents.preview(caller, cluster, body(request), force);
    List<DocumentPreview> each =
        previews.stream()
            .map(
                p ->
                    new DocumentPreview(
                        p.document().index(),
                        p.document().apiVersion(),
                        p.document().kind(),
                        p.document().namespace(),
                        p.document().name(),
                        p.preview().changed(),
                        p.preview().diff(),
                        p.preview().before(),
                        p.preview().after()))
            .toList();
    boolean one = each.size() == 1;
    return new PreviewAnswer(
        each.stream().anyMatch(DocumentPreview::changed),
        String.join("", each.stream().map(DocumentPreview::diff).toList()),
        one ? each.getFirst().before() : null,
        one ? each.getFirst().after() : null,
        each);
  }

  @Operation(
      summary = "Server-side apply (field manager kubeward) of one or more YAML documents",
      description =
          "Every document is parsed and applied as a dry run first; only if all are accepted are"
              + " they applied, in order, each audited as apply. The answer is the applied objects"
              + " as YAML documents, or with Accept: application/json each document's result."
              + " force=true takes over fields owned by other managers; otherwise such fields are"
              + " a 409 resource.conflict listing the managers.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "Objects as YAML (one or more documents) or one as JSON, at most 1 MiB",
              content = {
                @Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
                @Content(mediaType = "application/json", schema = @Schema(type = "object"))
              }))
  @PostMapping(
      value = "/object/apply",
      consumes = {"application/yaml", "application/json", "text/plain", "application/x-yaml"})
  ResponseEntity<?> apply(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(defaultValue = "false") boolean force,
      HttpServletRequest request) {
    List<ApplyDocuments.DocumentApplied> applied =
        documents.apply(caller, cluster, body(request), force);
    if (wantsJson(request.getHeader(HttpHeaders.ACCEPT))) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(
              new ApplyAnswer(
                  applied.stream()
                      .map(
                          a ->
                              new DocumentApplied(
                                  a.document().index(),
                                  a.document().apiVersion(),
                                  a.document().kind(),
                                  a.document().namespace(),
                                  a.document().name(),
                                  a.changed(),
                                  a.diff(),
                                  a.yaml()))
                      .toList()));
    }
    return ResponseEntity.ok()
        .contentType(YAML)
        .body(
            String.join(
                "---\n", applied.stream().map(ApplyDocuments.DocumentApplied::yaml).toList()));
  }

  /** Whether the client prefers JSON to YAML (YAML by default, as before). */
  static boolean wantsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return false;
    }
    List<MediaType> types;
    try {
      types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
    } catch (org.springframework.http.InvalidMediaTypeException e) {
      return false;
    }
    types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
    for (MediaType type : types) {
      if (type.getSubtype().contains("yaml") || type.equals(MediaType.TEXT_PLAIN)) {
        return false;
      }
      if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
        return true;
      }
    }
    return false;
  }

  @Operation(summary = "Delete with a propagation policy (background, foreground, orphan)")
  @ApiResponse(responseCode = "202", description = "Deletion requested")
  @DeleteMapping("/object")
  ResponseEntity<Void> delete(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam String apiVersion,
      @RequestParam String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam String name,
      @Parameter(schema = @Schema(allowableValues = {"background", "foreground", "orphan"}))
          @RequestParam(defaultValue = "background")
          String propagation) {
    objects.delete(
        caller,
        cluster,
        new ObjectAccess.ObjectName(apiVersion, kind, namespace, name),
        propagation);
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  /** The body as UTF-8 text, at most {@link RequestGuards#MAX_BODY_BYTES} bytes (else 413). */
  static String body(HttpServletRequest request) {
    try (InputStream in = request.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (RequestGuards.BodyTooLargeException e) {
      throw BadRequestException.tooLarge(RequestGuards.MAX_BODY_BYTES);
    } catch (IOException e) {
      throw ResourceException.malformed("the body could not be read", 0, 0);
    }
  }
}
