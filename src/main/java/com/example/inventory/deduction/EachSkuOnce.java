package com.example.inventory.deduction;

import com.example.inventory.common.InventoryLimits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** The items of an order name each SKU at most once. */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EachSkuOnce.Validator.class)
public @interface EachSkuOnce {

    String message() default "must name each SKU at most once";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EachSkuOnce, List<OrderItem>> {

        @Override
        public boolean isValid(List<OrderItem> items, ConstraintValidatorContext context) {
            if (items == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (OrderItem item : items) {
                if (item != null && item.sku() != null && !seen.add(item.sku())) {
                    // Only a well-formed SKU goes into the message: it becomes a template, where {, } and $ mean something.
                    if (item.sku().matches(InventoryLimits.KEY_PATTERN)) {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(
                                "must name each SKU at most once, but '" + item.sku() + "' appears twice")
                                .addConstraintViolation();
                    }
                    return false;
                }
            }
            return true;
        }
    }
}
