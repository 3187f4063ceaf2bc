package io.kubeward.server.web;

import io.kubeward.access.app.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}): every operation also documents the problem+json
 * answers (RFC 9457) with Kubeward's stable {@code code}.
 *
 * <p>The document is a contract: the console's TypeScript types are generated from a committed copy
 * ({@code kubeward-ui/openapi/kubeward-api.json}, checked by {@code OpenApiContractTest}; ADR
 * 0015). So it is made precise here: records say which properties are required and which may be
 * null ({@link RecordSchemas}), the {@link Caller} argument is no parameter, and operation ids are
 * stable ({@code <controller><Method>}), not numbered in the order springdoc happens to meet them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String PROBLEM = "Problem";

  static {
    // Resolved from the authenticated request (CallerArgumentResolver), never sent by a client.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  @Bean
  RecordSchemas recordSchemas() {
    return new RecordSchemas();
  }

  /** {@code NodeController.detail} → {@code nodeDetail}; {@code @Operation(operationId)} wins. */
  @Bean
  OperationCustomizer stableOperationIds() {
    return (operation, handler) -> {
      if (handler.getMethod().isAnnotationPresent(io.swagger.v3.oas.annotations.Operation.class)
          && !handler
              .getMethod()
              .getAnnotation(io.swagger.v3.oas.annotations.Operation.class)
              .operationId()
              .isEmpty()) {
        return operation;
      }
      return operation.operationId(
          operationId(handler.getBeanType().getSimpleName(), handler.getMethod().getName()));
    };
  }

  static String operationId(String controller, String method) {
    String prefix = controller.replaceFirst("(Controller|Api)$", "");
    prefix = prefix.substring(0, 1).toLowerCase(Locale.ROOT) + prefix.substring(1);
    if (method.equalsIgnoreCase(prefix)) {
      return method;
    }
    return prefix + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1);
  }

  @Bean
  OpenAPI kubewardOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Kubeward REST API")
                .version("v1")
                .description("See docs/API.md. Lists come from Kubeward's cache."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /**
   * RFC 9457 problem, as {@link ApiProblems} writes it. Added by {@link #problemResponses()}:
   * springdoc replaces the schemas of the {@link OpenAPI} bean's components with the ones it
   * resolves, which left every problem answer pointing at a missing schema.
   */
  static Schema<?> problemSchema() {
    return new JsonSchema()
        .typesItem("object")
        .description(
            "RFC 9457 problem; title/detail in English or 简体中文 by Accept-Language. Extra"
                + " properties name the things involved (cluster, line, column, managers...).")
        .addProperty(
            "type",
            new JsonSchema()
                .typesItem("string")
                .example("urn:kubeward:problem:cluster.unreachable"))
        .addProperty("title", new JsonSchema().typesItem("string"))
        .addProperty("status", new JsonSchema().typesItem("integer").format("int32"))
        .addProperty("detail", new JsonSchema().typesItem("string"))
        .addProperty("instance", new JsonSchema().typesItem("string"))
        .addProperty("code", new JsonSchema().typesItem("string").example("resource.malformed"))
        .addProperty(
            "line", new JsonSchema().typesItem("integer").description("YAML/JSON errors: 1-based"))
        .addProperty(
            "column",
            new JsonSchema().typesItem("integer").description("YAML/JSON errors: 1-based"))
        .required(List.of("code", "status", "title", "type"))
        .additionalProperties(true);
  }

  /** A schema-name clash springdoc only logged makes the document an error, not a lie. */
  @Bean
  OpenApiCustomizer refuseSchemaNameClashes(RecordSchemas schemas) {
    return openApi -> {
      if (!schemas.clashes().isEmpty()) {
        throw new IllegalStateException(String.join("; ", schemas.clashes()));
      }
    };
  }

  @Bean
  OpenApiCustomizer problemSchemaComponent() {
    return openApi -> openApi.getComponents().addSchemas(PROBLEM, problemSchema());
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    Map<String, String> answers =
        new TreeMap<>(
            Map.of(
                "400",
                "Invalid input (resource.malformed, resource.invalid, list.invalid-*)",
                "401",
                "Not signed in (auth.required)",
                "403",
                "Not allowed (access.denied, resource.forbidden, cluster.read-only,"
                    + " access.permission-missing, access.token-scope)",
                "404",
                "Unknown cluster or object",
                "409",
                "Conflict (resource.conflict lists the field managers)",
                "413",
                "Body larger than 1 MiB (request.too-large)",
                "422",
                "Rejected by the cluster (resource.rejected lists the causes)",
                "429",
                "Too many attempts or open streams (auth.throttled, stream.too-many; Retry-After)",
                "503",
                "Cluster unreachable, still loading or busy, or database unavailable"
                    + " (Retry-After)"));
    return openApi ->
        openApi
            .getPaths()
            .values()
            .forEach(
                path ->
                    path.readOperations()
                        .forEach(
                            operation ->
                                answers.forEach(
                                    (status, description) -> {
                                      if (operation.getResponses() != null
                                          && !operation.getResponses().containsKey(status)) {
                                        operation
                                            .getResponses()
                                            .addApiResponse(
                                                status,
                                                new ApiResponse()
                                                    .description(description)
                                                    .content(
                                                        new Content()
                                                            .addMediaType(
                                                                "application/problem+json",
                                                                new MediaType()
                                                                    .schema(
                                                                        new Schema<>()
                                                                            .$ref(
                                                                                "#/components/schemas/"
                                                                                    + PROBLEM)))));
                                      }
                                    })));
  }
}
