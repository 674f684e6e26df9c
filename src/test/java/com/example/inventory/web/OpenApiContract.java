package com.example.inventory.web;

import com.example.inventory.HttpApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's own OpenAPI document as a test oracle: whether a response is one the document allows for its
 * operation (a documented status, the documented media type and required headers, a body its JSON Schema accepts).
 */
public final class OpenApiContract {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    public static OpenApiContract of(HttpApi api) {
        return new OpenApiContract(api.get("/v3/api-docs").json());
    }

    /** What is wrong with a response to {@code method path} (query string allowed); empty when nothing is. */
    public List<String> violations(String method, String path, int status, Map<String, List<String>> headers, String body) {
        String where = method + " " + path + " → " + status;
        String template = template(path);
        JsonNode operation = template == null ? null : document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return List.of(where + ": no such operation in the document");
        }
        JsonNode response = operation.get("responses").get(String.valueOf(status));
        if (response == null) {
            return List.of(where + ": status not documented (documented: "
                    + operation.get("responses").propertyNames() + ")");
        }
        List<String> violations = new ArrayList<>();
        if (response.has("headers")) {
            for (var header : response.get("headers").properties()) {
                if (header.getValue().path("required").asBoolean(false) && first(headers, header.getKey()) == null) {
                    violations.add(where + ": required header " + header.getKey() + " missing");
                }
            }
        }
        if (!response.has("content")) {
            return violations;
        }
        String contentType = first(headers, "Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        JsonNode media = response.get("content").get(mediaType);
        if (media == null) {
            violations.add(where + ": Content-Type '" + contentType + "' not documented (documented: "
                    + response.get("content").propertyNames() + ")");
            return violations;
        }
        if (method.equals("HEAD")) {
            return violations;
        }
        Schema schema = schemas.computeIfAbsent(template + " " + method + " " + status + " " + mediaType,
                key -> schemaOf(media.get("schema")));
        JsonNode instance;
        try {
            instance = json.readTree(body);
        } catch (RuntimeException e) {
            violations.add(where + ": body is not JSON: " + body);
            return violations;
        }
        for (Error error : schema.validate(instance)) {
            violations.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage() + " in " + body);
        }
        return violations;
    }

    public List<String> violations(String method, String path, HttpApi.Response response) {
        return violations(method, path, response.status(), response.raw().headers().map(), response.body());
    }

    /** What the schema of {@code media} (a documented request or response body) finds wrong with {@code body}. */
    List<String> schemaViolations(JsonNode media, JsonNode body) {
        List<String> violations = new ArrayList<>();
        for (Error error : schemaOf(media.get("schema")).validate(body)) {
            violations.add(error.getInstanceLocation() + " " + error.getMessage() + " in " + body);
        }
        return violations;
    }

    /** A documented response schema, with the document's components beside it so that its references resolve. */
    private Schema schemaOf(JsonNode schema) {
        ObjectNode standalone = (ObjectNode) schema.deepCopy();
        standalone.set("components", document.get("components"));
        return registry.getSchema(standalone);
    }

    /** The documented path template that {@code path} (its query string ignored) is an instance of, or null. */
    String template(String path) {
        String plain = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] segments = plain.split("/", -1);
        for (String template : document.get("paths").propertyNames()) {
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                matches = parts[i].startsWith("{") ? !segments[i].isEmpty() : parts[i].equals(segments[i]);
            }
            if (matches) {
                return template;
            }
        }
        return null;
    }

    JsonNode document() {
        return document;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
    }
}
