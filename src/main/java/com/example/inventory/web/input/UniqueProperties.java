package com.example.inventory.web.input;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.FormatSchema;
import tools.jackson.core.JacksonException;
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
 * duplicates at the same point, but throws a plain {@code StreamReadException}, told from a malformed document by its
 * message alone.
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
            JsonToken before = delegate.currentToken();
            JsonToken token;
            try {
                token = delegate.nextToken();
            } catch (JacksonException failure) {
                throw duplicateFirst(before, failure);
            }
            return seen(token);
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
            JsonToken before = delegate.currentToken();
            int match;
            try {
                match = delegate.nextNameMatch(matcher);
            } catch (JacksonException failure) {
                throw duplicateFirst(before, failure);
            }
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

        /**
         * The failure of a step that started at {@code before}, or the repeated name it read first. The parser reads
         * a property's name and the start of its value in one step: a value it cannot read (or input that fails
         * there) fails the step after the name was read but before it is seen here. The name comes first in the
         * document, and a repeated one is the failure reported, as Jackson's own check would.
         */
        private JacksonException duplicateFirst(@Nullable JsonToken before, JacksonException failure) {
            Set<String> names = objects.peek();
            return before != JsonToken.PROPERTY_NAME && delegate.currentToken() == JsonToken.PROPERTY_NAME
                    && names != null && names.contains(delegate.currentName())
                    ? new DuplicatePropertyException(delegate) : failure;
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
