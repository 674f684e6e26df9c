package com.example.inventory.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    @Bean
    OpenAPI inventoryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Stock-deduction service").version("v1")
                        .description("Takes stock off products for orders without ever overselling. Every error is an "
                                + "RFC 9457 problem detail whose type is " + ProblemType.BASE + "<name>."))
                .components(new Components().addSchemas(PROBLEM_SCHEMA, problemSchema()));
    }

    /** Adds an error response per status for the {@link ProblemResponses} of each endpoint, one example per type. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared == null) {
                return operation;
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            Map<Integer, List<ProblemType>> byStatus = Arrays.stream(declared.value())
                    .collect(Collectors.groupingBy(type -> type.status().value(), LinkedHashMap::new, Collectors.toList()));
            byStatus.forEach((status, types) -> operation.getResponses().addApiResponse(String.valueOf(status),
                    problemResponse(types)));
            return operation;
        };
    }

    private static ApiResponse problemResponse(List<ProblemType> types) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        for (ProblemType type : types) {
            media.addExamples(type.typeName(), new Example().summary(type.title())
                    .value(Map.of("type", type.uri().toString(), "title", type.title(),
                            "status", type.status().value())));
        }
        ApiResponse response = new ApiResponse()
                .description(types.stream().map(type -> "`" + type.typeName() + "`: " + type.title())
                        .collect(Collectors.joining("; ")))
                .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE, media));
        if (types.contains(ProblemType.CONTENTION)) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                    .schema(new IntegerSchema()));
        }
        return response;
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem detail; extra members depend on the type");
        problem.addProperty("type", new StringSchema().format("uri").example(ProblemType.BASE + "insufficient-stock"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("sku", new StringSchema().description("product-not-found, duplicate-sku, insufficient-stock, stock-limit-exceeded"));
        problem.addProperty("requested", new IntegerSchema().description("insufficient-stock"));
        problem.addProperty("available", new IntegerSchema().description("insufficient-stock"));
        problem.addProperty("orderId", new StringSchema().description("order-conflict"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("validation"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        return problem;
    }
}
