package com.example.inventory.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an endpoint needs (any one of {@link #value()}, the first named when none is there), and its query
 * parameters that only an operator ({@code inventory.admin}) may give. Every endpoint under {@code /api/} declares
 * one; one that does not is refused to every caller but an admin. The OpenAPI document lists it as the operation's
 * security requirement.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiredScope {

    String[] value();

    /** Query parameters that need {@code inventory.admin} when given (the locking strategy). */
    String[] operatorParameters() default {};
}
