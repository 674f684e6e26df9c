package com.example.inventory.web.input;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON policy, in one place. Scalars are strict: {@code 1.5}, {@code "5"}, {@code ""} or {@code 123} in the
 * wrong place is a 400, never silently truncated or converted. A property given twice is a 400 too: which one counts
 * would be a guess ({@link UniqueProperties}). Every string must pass the {@link TextRule}. Unknown properties are
 * ignored (tolerant reader).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .deserializationContexts(new UniqueProperties())
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // An empty or blank string (a NUL counts as blank) is not "no value" either: Jackson would read it as
                // null, and an optional integer would silently take its default.
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("text-rule").addDeserializer(String.class, new RuledStringDeserializer()));
    }

    /** Reads a string as Jackson does, then applies the {@link TextRule}. */
    static final class RuledStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            String value = super.deserialize(p, ctxt);
            String violation = value == null ? null : TextRule.violation(value);
            if (violation != null) {
                throw new UnacceptableText(p, violation);
            }
            return value;
        }
    }

    /** A string the {@link TextRule} refuses; Jackson adds the path of the property it was read for. */
    public static final class UnacceptableText extends MismatchedInputException {

        private final String reason;

        UnacceptableText(JsonParser p, String reason) {
            super(p, reason, String.class);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
