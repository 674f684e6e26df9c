package com.example.inventory.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The service's AsyncAPI document (docs/asyncapi.yaml) as a test oracle for the events it publishes: which events it
 * documents (its channels' addresses, which are the routing keys) and whether a message body is one the document
 * allows for its event (the JSON Schema of the event's message payload accepts it, formats such as {@code uuid} and
 * {@code date-time} included).
 *
 * <p>An AsyncAPI payload schema refers to the document's {@code components.schemas}, which a JSON Schema validator
 * cannot resolve on its own: each event's payload is validated as a standalone draft-07 schema that carries those
 * components as its {@code definitions}, its references rewritten to point there.
 */
public final class EventContract {

    /** Where the document is kept, relative to the project root (the working directory of the tests). */
    private static final Path DOCUMENT = Path.of("docs", "asyncapi.yaml");

    /** Where the build copies it (served at /asyncapi.yaml): for a test run from somewhere other than the root. */
    private static final String RESOURCE = "static/asyncapi.yaml";

    private static final String COMPONENT_SCHEMAS = "#/components/schemas/";
    private static final String DEFINITIONS = "#/definitions/";

    // A duplicated member would be read as its last value and hide what the body really says.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    // AsyncAPI's default schema format is a superset of draft-07; formats are annotations only unless enabled.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft7(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));

    private final JsonNode document;
    /** Each documented event's message, by event name (routing key), in the document's order. */
    private final Map<String, JsonNode> messages;
    private final Map<String, Schema> schemas;

    private EventContract(JsonNode document) {
        this.document = document;
        this.messages = messagesOf(document);
        Map<String, Schema> byEvent = new LinkedHashMap<>();
        messages.forEach((event, message) -> byEvent.put(event, schemaOf(message.get("payload"))));
        this.schemas = byEvent;
    }

    /** The document, read once: it does not change while the tests run. */
    public static EventContract load() {
        return Loaded.INSTANCE;
    }

    /** The events the document names: its channels' addresses, which are the events' routing keys. */
    public List<String> eventNames() {
        return List.copyOf(messages.keySet());
    }

    /**
     * What is wrong with {@code json} as the body of the event {@code eventName}; empty when the event's payload
     * schema accepts it.
     */
    public List<String> violations(String eventName, String json) {
        Schema schema = schemas.get(eventName);
        if (schema == null) {
            return List.of("unknown event '" + eventName + "': the document names " + eventNames());
        }
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (JacksonException e) {
            return List.of("body is not JSON (" + e.getOriginalMessage() + "): " + json);
        }
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(body)) {
            // The instance location is a JSON pointer, empty for the body itself.
            String where = error.getInstanceLocation().toString();
            violations.add((where.isEmpty() ? "(body)" : where) + ": " + error.getMessage());
        }
        return violations;
    }

    /** The payloads of the event's documented examples, as JSON; empty for an event the document does not name. */
    public List<String> examples(String eventName) {
        JsonNode message = messages.get(eventName);
        if (message == null) {
            return List.of();
        }
        List<String> examples = new ArrayList<>();
        for (JsonNode example : message.path("examples")) {
            examples.add(JSON.writeValueAsString(resolve(example).get("payload")));
        }
        return examples;
    }

    /** The event's message object (the one its channel refers to), or null when the document does not name it. */
    JsonNode message(String eventName) {
        return messages.get(eventName);
    }

    /** Each channel's one message, by the channel's address. */
    private Map<String, JsonNode> messagesOf(JsonNode document) {
        Map<String, JsonNode> byAddress = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : document.path("channels").properties()) {
            JsonNode channel = resolve(entry.getValue());
            String address = channel.path("address").stringValue(null);
            JsonNode channelMessages = channel.path("messages");
            // One message per event is what makes the routing key enough to pick the schema.
            if (address == null || channelMessages.size() != 1) {
                throw new IllegalStateException("Channel " + entry.getKey() + " must have an address and exactly "
                        + "one message: " + channel);
            }
            if (byAddress.put(address, resolve(channelMessages.values().iterator().next())) != null) {
                throw new IllegalStateException("Two channels have the address " + address);
            }
        }
        return byAddress;
    }

    /** A payload schema as a standalone draft-07 schema, the document's component schemas as its definitions. */
    private Schema schemaOf(JsonNode payload) {
        if (payload == null) {
            throw new IllegalStateException("A message has no payload");
        }
        // The root itself is resolved: in draft-07 a $ref makes every keyword beside it, definitions too, ignored.
        ObjectNode standalone = (ObjectNode) rewritten(resolve(payload));
        standalone.set("definitions", rewritten(document.path("components").path("schemas")));
        return REGISTRY.getSchema(standalone);
    }

    /** The node a local reference points to (following references to references), or the node itself. */
    private JsonNode resolve(JsonNode node) {
        JsonNode resolved = node;
        for (int hops = 0; resolved.has("$ref"); hops++) {
            String ref = resolved.get("$ref").stringValue();
            if (hops > 16 || !ref.startsWith("#/")) {
                throw new IllegalStateException("Cannot resolve " + node + ": only local references are supported");
            }
            resolved = document.at(ref.substring(1));
            if (resolved.isMissingNode()) {
                throw new IllegalStateException("Dangling reference " + ref);
            }
        }
        return resolved;
    }

    /** A copy of a schema whose references to component schemas point to the standalone schema's definitions. */
    private static JsonNode rewritten(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> member : schema.properties()) {
                JsonNode value = member.getValue();
                if (member.getKey().equals("$ref") && value.isString()) {
                    String ref = value.stringValue();
                    if (!ref.startsWith(COMPONENT_SCHEMAS)) {
                        throw new IllegalStateException("A schema refers to " + ref + ": only " + COMPONENT_SCHEMAS
                                + "… is supported");
                    }
                    copy.put("$ref", DEFINITIONS + ref.substring(COMPONENT_SCHEMAS.length()));
                } else {
                    copy.set(member.getKey(), rewritten(value));
                }
            }
            return copy;
        }
        if (schema.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            schema.forEach(element -> copy.add(rewritten(element)));
            return copy;
        }
        return schema;
    }

    private static EventContract read() {
        YAMLMapper yaml = YAMLMapper.builder().build();
        try {
            if (Files.isRegularFile(DOCUMENT)) {
                return new EventContract(yaml.readTree(Files.readString(DOCUMENT)));
            }
            try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("No AsyncAPI document at " + DOCUMENT.toAbsolutePath()
                            + " nor on the classpath at " + RESOURCE);
                }
                return new EventContract(yaml.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read on first use, by the class loader's initialisation lock: once, whichever thread asks first. */
    private static final class Loaded {

        static final EventContract INSTANCE = read();
    }
}
