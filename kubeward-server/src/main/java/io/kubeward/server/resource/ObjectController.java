package io.kubeward.server.resource;

import io.kubeward.access.app.Caller;
import io.kubeward.resource.app.ObjectAccess;
import io.kubeward.resource.app.ResourceException;
import io.kubeward.resource.domain.KindInfo;
import io.kubeward.server.web.BadRequestException;
import io.kubeward.server.web.RequestGuards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Any object, CRDs included: discovery, YAML/JSON, apply with a dry-run preview, delete. Bodies are
 * YAML or JSON text of at most 1 MiB.
 */
@RestController
@RequestMapping("/api/v1/clusters/{cluster}")
class ObjectController {

  static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  private final ObjectAccess objects;

  ObjectController(ObjectAccess objects) {
    this.objects = objects;
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
  @GetMapping("/object")
  ResponseEntity<String> get(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam String apiVersion,
      @RequestParam String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam String name,
      @RequestParam(defaultValue = "yaml") String format,
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

  @Operation(
      summary = "Server-side apply as a dry run: a unified diff of the YAML before and after",
      description = "Nothing changes. Needs the right to change the object.")
  @PostMapping(
      value = "/object/preview",
      consumes = {"application/yaml", "application/json", "text/plain", "application/x-yaml"})
  ObjectAccess.Preview preview(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(defaultValue = "false") boolean force,
      HttpServletRequest request) {
    return objects.preview(caller, cluster, body(request), force);
  }

  @Operation(
      summary = "Server-side apply (field manager kubeward)",
      description =
          "force=true takes over fields owned by other managers; otherwise such fields are a 409"
              + " resource.conflict listing the managers.")
  @PostMapping(
      value = "/object/apply",
      consumes = {"application/yaml", "application/json", "text/plain", "application/x-yaml"})
  ResponseEntity<String> apply(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam(defaultValue = "false") boolean force,
      HttpServletRequest request) {
    return ResponseEntity.ok()
        .contentType(YAML)
        .body(objects.apply(caller, cluster, body(request), force));
  }

  @Operation(summary = "Delete with a propagation policy (background, foreground, orphan)")
  @DeleteMapping("/object")
  ResponseEntity<Void> delete(
      @Parameter(hidden = true) Caller caller,
      @PathVariable String cluster,
      @RequestParam String apiVersion,
      @RequestParam String kind,
      @RequestParam(required = false) String namespace,
      @RequestParam String name,
      @RequestParam(defaultValue = "background") String propagation) {
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
