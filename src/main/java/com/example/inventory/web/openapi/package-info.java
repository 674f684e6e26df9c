/**
 * The OpenAPI document: the customisers that make /v3/api-docs state every problem an operation can answer, with
 * the contract's limits. Controllers declare their problems with {@link ProblemResponses}, this package's one
 * exposed type.
 */
@NullMarked
@NamedInterface("openapi")
package com.example.inventory.web.openapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
