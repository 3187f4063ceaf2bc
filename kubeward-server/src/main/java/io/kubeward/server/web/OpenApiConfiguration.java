package io.kubeward.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}): every operation also documents the problem+json
 * answers (RFC 9457) with Kubeward's stable {@code code}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String PROBLEM = "Problem";

  @Bean
  OpenAPI kubewardOpenApi() {
    Schema<?> problem =
        new ObjectSchema()
            .description(
                "RFC 9457 problem; title/detail in English or 简体中文 by Accept-Language. Extra"
                    + " properties name the things involved (cluster, line, column, managers...).")
            .addProperty(
                "type", new StringSchema().example("urn:kubeward:problem:cluster.unreachable"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("code", new StringSchema().example("resource.malformed"))
            .addProperty("line", new IntegerSchema().description("YAML/JSON errors: 1-based"))
            .addProperty("column", new IntegerSchema().description("YAML/JSON errors: 1-based"));
    return new OpenAPI()
        .info(
            new Info()
                .title("Kubeward REST API")
                .version("v1")
                .description("See docs/API.md. Lists come from Kubeward's cache."))
        .components(
            new Components()
                .addSchemas(PROBLEM, problem)
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    Map<String, String> answers =
        Map.of(
            "400", "Invalid input (resource.malformed, resource.invalid, list.invalid-*)",
            "401", "Not signed in (auth.required)",
            "403", "Not allowed (access.denied)",
            "404", "Unknown cluster or object",
            "409", "Conflict (resource.conflict lists the field managers)",
            "413", "Body larger than 1 MiB (request.too-large)",
            "429",
                "Too many attempts or open streams (auth.throttled, stream.too-many; Retry-After)",
            "503", "Cluster unreachable or still loading (Retry-After)");
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
