package com.example.inventory.web.input;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.FormatSchema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DeserializationContexts;
import tools.jackson.databind.deser.DeserializationContextExt;
import tools.jackson.databind.deser.DeserializerCache;
import tools.jackson.databind.deser.DeserializerFactory;

/**
 * Every value a mapper reads is read through a parser that refuses a property given twice in one object, anywhere in
 * the document (in a property the target ignores, too), with a {@link DuplicatePropertyException}, as soon as it
 * reads the second name. Jackson's own check ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}) finds the same
 * duplicates but throws a plain {@code StreamReadException}, told from a malformed document by its message alone.
 * (It also looks a little earlier: before the parser reads the start of the value after the name, where this check
 * comes after it; so {@code {"a":1,"a":x}} is reported as malformed, not as a duplicate.)
 */
final class UniqueProperties extends DeserializationContexts.DefaultImpl {

    UniqueProperties() {
    }

    private UniqueProperties(TokenStreamFactory streams, DeserializerFactory deserializers, DeserializerCache cache) {
        super(streams, deserializers, cache);
    }

    @Override
    public DeserializationContexts forMapper(Object mapper, TokenStreamFactory streams,
            DeserializerFactory deserializers, DeserializerCache cache) {
        return new UniqueProperties(streams, deserializers, cache);
    }

    @Override
    public DeserializationContextExt createContext(DeserializationConfig config, @Nullable FormatSchema schema,
            @Nullable InjectableValues injectables) {
        return new Context(_streamFactory, _deserializerFactory, _cache, config, schema, injectables);
    }

    /** Reads the root value, and so everything in it, through a {@link CheckingParser}. */
    private static final class Context extends DeserializationContextExt {

        Context(TokenStreamFactory streams, DeserializerFactory deserializers, DeserializerCache cache,
                DeserializationConfig config, @Nullable FormatSchema schema, @Nullable InjectableValues injectables) {
            super(streams, deserializers, cache, config, schema, injectables);
        }

        @Override
        public Object readRootValue(JsonParser p, JavaType valueType, ValueDeserializer<Object> deserializer,
                @Nullable Object valueToUpdate) {
            return super.readRootValue(new CheckingParser(p), valueType, deserializer, valueToUpdate);
        }
    }

    /**
     * The names read so far in each object still open, innermost first. Every method that moves to another token
     * does so through {@link #nextToken()}, or looks at the token it moved to, so that none is missed.
     */
    private static final class CheckingParser extends JsonParserDelegate {

        private final Deque<Set<String>> objects = new ArrayDeque<>();

        CheckingParser(JsonParser parser) {
            super(parser);
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                objects.push(new HashSet<>());
            }
        }

        @Override
        public @Nullable JsonToken nextToken() {
            return seen(delegate.nextToken());
        }

        @Override
        public @Nullable JsonToken nextValue() {
            JsonToken token = nextToken();
            return token == JsonToken.PROPERTY_NAME ? nextToken() : token;
        }

        @Override
        public @Nullable String nextName() {
            return nextToken() == JsonToken.PROPERTY_NAME ? currentName() : null;
        }

        @Override
        public boolean nextName(SerializableString name) {
            return nextToken() == JsonToken.PROPERTY_NAME && name.getValue().equals(currentName());
        }

        @Override
        public int nextNameMatch(PropertyNameMatcher matcher) {
            int match = delegate.nextNameMatch(matcher);
            seen(delegate.currentToken());
            return match;
        }

        @Override
        public JsonParser skipChildren() {
            JsonToken token = currentToken();
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return this;
            }
            for (int open = 1; open > 0; ) {
                token = nextToken();
                if (token == null) {
                    break; // the end of the document (the parser itself fails on one that ends inside a value)
                }
                if (token.isStructStart()) {
                    open++;
                } else if (token.isStructEnd()) {
                    open--;
                }
            }
            return this;
        }

        private @Nullable JsonToken seen(@Nullable JsonToken token) {
            if (token == JsonToken.START_OBJECT) {
                objects.push(new HashSet<>());
            } else if (token == JsonToken.END_OBJECT) {
                objects.poll();
            } else if (token == JsonToken.PROPERTY_NAME) {
                Set<String> names = objects.peek();
                if (names == null) {
                    names = new HashSet<>();
                    objects.push(names);
                }
                if (!names.add(delegate.currentName())) {
                    throw new DuplicatePropertyException(delegate);
                }
            }
            return token;
        }
    }
}
