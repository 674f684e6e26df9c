package com.example.inventory.web.openapi;

import com.example.inventory.common.Caller;
import com.example.inventory.common.InventoryLimits;
import com.example.inventory.common.ProblemType;
import com.example.inventory.web.RequiredScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
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
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}), exact enough to generate a
 * client from and to validate every response against: each operation lists every status it can answer, each problem
 * response names the {@code type}s it can carry (with their extra members), and each response schema requires every
 * member the service sends and allows no other.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** The features, in the order a reader meets them; each controller names its own with {@code @Tag}. */
    private static final List<Tag> TAGS = List.of(
            new Tag().name("Products").description("The catalogue: products, their stock and their ledger"),
            new Tag().name("Locations").description("Where stock is kept: warehouses and stores, by priority"),
            new Tag().name("Deductions").description("Orders that take stock off at once, and their cancellation"),
            new Tag().name("Reservations").description(
                    "Checkout holds: stock held for an order, then confirmed (deducted), released or expired"));

    /**
     * The rule of each path variable the API has: every {@code {sku}} is a SKU, every {@code {code}} a location
     * code (the SKU alphabet), every {@code {id}} a UUID. A value that breaks it is still looked up (a 404), so each
     * says so.
     */
    private static final Map<String, Parameter> PATH_PARAMETERS = Map.of(
            "sku", new Parameter().schema(new StringSchema().pattern(InventoryLimits.KEY_PATTERN)).description(
                    "A SKU: " + InventoryLimits.KEY_PATTERN_MESSAGE.replace("must be ", "") + ". A SKU that no "
                            + "product has is a 404, whatever its form."),
            "code", new Parameter().schema(new StringSchema().pattern(InventoryLimits.KEY_PATTERN)).description(
                    "A location code: " + InventoryLimits.KEY_PATTERN_MESSAGE.replace("must be ", "") + ". A code "
                            + "that no location has is a 404, whatever its form."),
            "id", new Parameter().schema(new StringSchema().format("uuid")).description(
                    "An id, as the service gave it (a UUID). One that names nothing is a 404, UUID or not."));

    /** The security scheme of every operation: a JWT bearer token from the configured issuer. */
    static final String BEARER_AUTH = "bearerAuth";

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";

    static {
        // A controller's Caller comes from the request's token, not from a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI inventoryOpenApi() {
        Components components = new Components().addSchemas(PROBLEM_SCHEMA, problemSchema())
                .addSecuritySchemes(BEARER_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("""
                                An access token from the service's OAuth2 issuer (the local run's: \
                                `POST /oauth2/token` with the client-credentials grant). Scopes: `%s` (every `GET`; \
                                orders: only the caller's own), `%s` (deduct, cancel; reserve, confirm, release, \
                                extend), `%s` (create products and locations, restock and change products, \
                                `?strategy=`, any client's orders)."""
                                .formatted(Caller.READ, Caller.ORDER, Caller.ADMIN)));
        // Every type a client can meet, even those no operation lists: an unknown path is a NotFoundProblem, a
        // method a path does not map a MethodNotAllowedProblem (with Allow). A 500 is never part of the contract.
        for (ProblemType type : ProblemType.values()) {
            if (type != ProblemType.INTERNAL_ERROR) {
                components.addSchemas(schemaName(type), problemSchema(type));
            }
        }
        return new OpenAPI()
                .info(new Info().title("Stock-deduction service").version("v1").description("""
                        Takes stock off products for orders without ever overselling. Every error is an RFC 9457 \
                        problem detail (`application/problem+json`) whose `type` is `%s<name>`. The contract in \
                        prose, with the reasons: `docs/api.md` in the repository.

                        Requests: a body is at most %d bytes (larger: 413 `payload-too-large`) and JSON in \
                        well-formed UTF-8 (else 400 `validation`: a NUL byte, as in UTF-16 or UTF-32 text, \
                        included). A `Content-Type` is `application/json`; a `PATCH` takes a JSON Merge Patch, \
                        `application/merge-patch+json` or `application/json` (else 415 with `Accept-Patch`); a \
                        media range such as `*/*` or a charset other than UTF-8 is a 415 on any request, with a \
                        body or without. JSON is strict about \
                        scalars (no `1.5`, `"5"` or `""` for an integer, no `5` for a string) and about property \
                        names (a property given twice is a 400); unknown properties are ignored. No string, in a \
                        body or a parameter, may contain a NUL character or an unpaired UTF-16 surrogate (400 \
                        `validation`). A query string that cannot be decoded (a parameter without a name, a bad \
                        percent-escape, bytes that are not UTF-8), a parameter given twice, or an integer not \
                        written in ASCII decimal digits is a 400 `validation` on any operation.

                        Callers: every operation needs `Authorization: Bearer <JWT>` from the configured issuer \
                        and the scope its security requirement names (scopes are independent: `inventory.admin` \
                        grants no `inventory.read`). No token, or one that is malformed, expired, not yet valid, \
                        wrongly signed, of an unexpected algorithm or for another audience: 401 `unauthorized` with \
                        `WWW-Authenticate: Bearer …`. A valid token without the scope: 403 `forbidden` naming \
                        `requiredScope`. Orders belong to the client that placed them (the token's `client_id`, \
                        else `azp`, else `sub`): another client's is a 404.

                        Path parameters: `{sku}` is a SKU, `{code}` a location code (the same alphabet), `{id}` a \
                        UUID. A value that names nothing is a 404 with \
                        the operation's not-found type, whether or not it follows its rule; a value the server \
                        refuses outright (an encoded `/` or `\\`, an encoded NUL: `%%2F`, `%%5C`, `%%00`) is a 400 \
                        `validation`.

                        Answers: an `Accept` that admits `application/json`, or that admits \
                        `application/problem+json` (a failure is then its problem, a success is JSON anyway); \
                        any other `Accept`, one that cannot be parsed, or one that refuses every type (`q=0`) is a \
                        406 `not-acceptable`.

                        Besides the operations below: an unknown path is a 404 `not-found` (NotFoundProblem), a \
                        method that a path does not map a 405 `method-not-allowed` (MethodNotAllowedProblem) whose \
                        `Allow` header lists the methods the path has."""
                        .formatted(ProblemType.BASE, InventoryLimits.MAX_BODY_BYTES)))
                .tags(TAGS)
                .components(components);
    }

    /**
     * Adds, per status, the problem responses of each endpoint: those it declares, and those any endpoint has. A
     * status the endpoint also describes itself ({@code @ApiResponse}) keeps its words ahead of the types'.
     */
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
            boolean pathParameters = ruleThePathParameters(operation);
            Set<ProblemType> types = new LinkedHashSet<>(List.of(declared.value()));
            RequiredScope scope = handler.getMethodAnnotation(RequiredScope.class);
            types.add(ProblemType.UNAUTHORIZED);
            types.add(ProblemType.FORBIDDEN);
            List<String> scopes = scope == null ? List.of(Caller.ADMIN) : List.of(scope.value());
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER_AUTH, scopes));
            String needs = "Needs the scope " + scopes.stream().map(name -> "`" + name + "`")
                    .collect(Collectors.joining(" or ")) + (scope == null || scope.operatorParameters().length == 0
                    ? "" : "; " + Stream.of(scope.operatorParameters()).map(name -> "`" + name + "`")
                            .collect(Collectors.joining(", ")) + " also `" + Caller.ADMIN + "`") + ".";
            operation.setDescription(operation.getDescription() == null ? needs
                    : operation.getDescription() + "\n\n" + needs);
            types.addAll(anyOperation(!handler.hasMethodAnnotation(GetMapping.class)));
            Map<Integer, List<ProblemType>> byStatus = types.stream()
                    .sorted(Comparator.comparing(ProblemType::ordinal))
                    .collect(Collectors.groupingBy(type -> type.status().value(), LinkedHashMap::new, Collectors.toList()));
            byStatus.forEach((status, ofStatus) -> {
                ApiResponse response = problemResponse(ofStatus);
                List<String> words = new ArrayList<>(List.of(response.getDescription() + "."));
                ApiResponse described = operation.getResponses().get(String.valueOf(status));
                if (described != null && described.getDescription() != null) {
                    words.add(described.getDescription());
                }
                if (pathParameters && status == HttpStatus.BAD_REQUEST.value()) {
                    words.add("A path value the server refuses outright (an encoded `/` or `\\`, an encoded NUL) is "
                            + "a 400 `validation` with empty `errors`.");
                }
                if (status == HttpStatus.FORBIDDEN.value()) {
                    words.add(needs);
                }
                if (pathParameters && status == HttpStatus.NOT_FOUND.value()) {
                    words.add("A path value that names nothing is a 404, whether or not it follows its rule.");
                }
                response.setDescription(String.join(" ", words));
                operation.getResponses().addApiResponse(String.valueOf(status), response);
            });
            return operation;
        };
    }

    /** Gives every path parameter its rule; whether the operation has any. */
    private static boolean ruleThePathParameters(Operation operation) {
        boolean any = false;
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            Parameter rule = PATH_PARAMETERS.get(parameter.getName());
            if ("path".equals(parameter.getIn()) && rule != null) {
                parameter.setSchema(rule.getSchema());
                parameter.setDescription(rule.getDescription());
                any = true;
            }
        }
        return any;
    }

    /**
     * What any operation can answer besides its own outcomes: a query string that cannot be decoded or a path the
     * servlet container refuses (400), an {@code Accept} without JSON (406), a body over the limit (413), a
     * {@code Content-Type} that is a media range or names a charset other than UTF-8, or with a body one that is not
     * JSON (415: media types are checked on every request, with a body or without), a database that cannot be
     * reached in time (503); for a write, a change that the database's constraints refused although validation let
     * it through (409, should never happen), and a lock it waited for longer than the lock timeout, which bounds
     * every lock wait on every connection (503 contention).
     */
    private static List<ProblemType> anyOperation(boolean writes) {
        List<ProblemType> types = new ArrayList<>(List.of(ProblemType.VALIDATION, ProblemType.NOT_ACCEPTABLE,
                ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.SERVICE_UNAVAILABLE));
        if (writes) {
            types.add(ProblemType.DATA_CONFLICT);
            types.add(ProblemType.CONTENTION);
        }
        return types;
    }

    /**
     * Each request body's example, assembled from its properties' examples (declared beside the fields): what
     * Swagger UI's "Try it out" starts from, and a body the schema accepts. The tags, and the paths, in the features'
     * order; the responses of each operation in the order of their statuses.
     */
    @Bean
    OpenApiCustomizer requestExamplesAndOrder() {
        return openApi -> {
            openApi.getPaths().values().stream().flatMap(path -> path.readOperations().stream())
                    .forEach(operation -> {
                        ApiResponses sorted = new ApiResponses();
                        operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .forEach(response -> sorted.addApiResponse(response.getKey(), response.getValue()));
                        operation.setResponses(sorted);
                    });
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .filter(operation -> operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null)
                    .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                    .filter(media -> media.getExample() == null)
                    .forEach(media -> media.setExample(exampleOf(media.getSchema(), schemas)));
            List<String> order = TAGS.stream().map(Tag::getName).toList();
            if (openApi.getTags() != null) {
                openApi.getTags().sort(Comparator.comparing(tag -> rank(tag.getName(), order)));
            }
            Paths paths = new Paths();
            openApi.getPaths().entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, PathItem> path) -> rank(path.getValue(), order))
                            .thenComparing(Map.Entry::getKey))
                    .forEach(path -> paths.addPathItem(path.getKey(), path.getValue()));
            paths.setExtensions(openApi.getPaths().getExtensions());
            openApi.setPaths(paths);
        };
    }

    private static int rank(@Nullable String tag, List<String> order) {
        return tag != null && order.contains(tag) ? order.indexOf(tag) : order.size();
    }

    private static int rank(PathItem path, List<String> order) {
        List<String> tags = path.readOperations().getFirst().getTags();
        return rank(tags == null || tags.isEmpty() ? null : tags.getFirst(), order);
    }

    private static @Nullable Object exampleOf(@Nullable Schema<?> schema, Map<String, Schema> schemas) {
        if (schema == null) {
            return null;
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().getFirst();
        }
        if (schema.get$ref() != null) {
            return exampleOf(schemas.get(schema.get$ref().substring(SCHEMAS.length())), schemas);
        }
        if (schema.getItems() != null) {
            Object item = exampleOf(schema.getItems(), schemas);
            return item == null ? null : List.of(item);
        }
        if (schema.getProperties() == null) {
            return null;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            Object value = exampleOf(property, schemas);
            if (value != null) {
                example.put(name, value);
            }
        });
        return example.isEmpty() ? null : example;
    }

    /**
     * Every response schema requires all its members and allows no others: the views are records, serialised whole
     * (a member that may be null says so in its type), so a response that differs from the document is a bug.
     */
    @Bean
    OpenApiCustomizer exactResponseSchemas() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            Set<String> responseSchemas = new LinkedHashSet<>();
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .flatMap(operation -> operation.getResponses().values().stream())
                    .filter(response -> response.getContent() != null)
                    .flatMap(response -> response.getContent().values().stream())
                    .forEach(media -> collectReferences(media.getSchema(), schemas, responseSchemas));
            responseSchemas.stream().filter(name -> !name.endsWith(PROBLEM_SCHEMA)).map(schemas::get)
                    .filter(schema -> schema.getProperties() != null)
                    .forEach(schema -> {
                        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
                        schema.setAdditionalProperties(false);
                    });
        };
    }

    private static void collectReferences(Schema<?> schema, Map<String, Schema> schemas, Set<String> found) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(SCHEMAS.length());
            if (found.add(name)) {
                collectReferences(schemas.get(name), schemas, found);
            }
            return;
        }
        Stream.of(schema.getProperties() != null ? schema.getProperties().values().stream() : Stream.<Schema>empty(),
                        Stream.of(schema.getItems()),
                        schema.getAllOf() != null ? schema.getAllOf().stream() : Stream.<Schema>empty(),
                        schema.getOneOf() != null ? schema.getOneOf().stream() : Stream.<Schema>empty())
                .flatMap(s -> s).filter(Objects::nonNull)
                .forEach(child -> collectReferences(child, schemas, found));
    }

    private static ApiResponse problemResponse(List<ProblemType> types) {
        Schema<?> schema = types.size() == 1 ? reference(types.getFirst())
                : new Schema<>().oneOf(types.stream().<Schema>map(OpenApiConfiguration::reference).toList());
        MediaType media = new MediaType().schema(schema);
        for (ProblemType type : types) {
            media.addExamples(type.typeName(), new Example().summary(type.title())
                    .value(Map.of("type", type.uri().toString(), "title", type.title(),
                            "status", type.status().value())));
        }
        ApiResponse response = new ApiResponse()
                .description(types.stream().map(type -> "`" + type.typeName() + "`: " + type.title())
                        .collect(Collectors.joining("; ")))
                .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE, media));
        if (types.contains(ProblemType.UNAUTHORIZED)) {
            response.addHeaderObject("WWW-Authenticate", new Header().description(
                    "The RFC 6750 challenge: `Bearer`, with `error=\"invalid_token\"` where a token was sent")
                    .required(true).schema(new StringSchema()));
        }
        if (types.contains(ProblemType.CONTENTION) || types.contains(ProblemType.SERVICE_UNAVAILABLE)) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                    .required(true).schema(new IntegerSchema()));
        }
        return response;
    }

    private static Schema<?> reference(ProblemType type) {
        return new Schema<>().$ref(SCHEMAS + schemaName(type));
    }

    /** {@code INSUFFICIENT_STOCK} → {@code InsufficientStockProblem}. */
    static String schemaName(ProblemType type) {
        return Stream.of(type.name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining()) + PROBLEM_SCHEMA;
    }

    /** A problem of one type: its {@code type} and {@code status} fixed, its extra members required. */
    private static Schema<?> problemSchema(ProblemType type) {
        Schema<?> schema = new Schema<>().allOf(List.of(new Schema<>().$ref(SCHEMAS + PROBLEM_SCHEMA)));
        schema.description(type.title());
        List<String> required = new ArrayList<>(List.of("type", "title", "status", "detail"));
        required.addAll(type.members());
        // Before the properties: the model drops required names that are not among the schema's own properties.
        schema.setRequired(required);
        schema.addProperty("type", new StringSchema()._enum(List.of(type.uri().toString())));
        if (type != ProblemType.HTTP_ERROR) { // the type of any other 4xx the container answers (411, 414, 431, …)
            schema.addProperty("status", new IntegerSchema()._enum(List.of(type.status().value())));
        }
        return schema;
    }

    /** Every member any problem may carry; which ones a type always carries, its own schema says. */
    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        fieldError.setRequired(List.of("field", "message"));
        fieldError.setAdditionalProperties(false);
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
        problem.addProperty("location", new StringSchema().description("location-not-found, duplicate-location"));
        problem.addProperty("orderId", new StringSchema().description("order-conflict"));
        problem.addProperty("requiredScope", new StringSchema().description("forbidden"));
        problem.addProperty("held", new IntegerSchema().format("int64").description("hold-quota-exceeded"));
        problem.addProperty("limit", new IntegerSchema().format("int64").description("hold-quota-exceeded"));
        problem.addProperty("errors", new ArraySchema().items(fieldError).description("validation"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        problem.setAdditionalProperties(false);
        return problem;
    }
}
