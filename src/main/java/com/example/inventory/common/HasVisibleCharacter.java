package com.example.inventory.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The text has a visible character ({@link InventoryLimits#hasVisibleCharacter}): not only whitespace, spaces
 * (U+00A0 included), control or format characters (U+200B, U+FEFF, U+180E). {@code null} is valid: pair it with
 * {@code @NotNull}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = HasVisibleCharacter.Validator.class)
public @interface HasVisibleCharacter {

    String message() default InventoryLimits.NAME_RULE_MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<HasVisibleCharacter, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || InventoryLimits.hasVisibleCharacter(text);
        }
    }
}
