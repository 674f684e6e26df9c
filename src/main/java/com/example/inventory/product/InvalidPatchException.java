package com.example.inventory.product;

import java.util.Map;

/**
 * A merge patch that asks what no patch may: a null {@code name}, or a member only other operations change. A 400
 * {@code validation} naming each member.
 */
class InvalidPatchException extends RuntimeException {

    private final Map<String, String> refusals;

    private InvalidPatchException(Map<String, String> refusals) {
        super("The patch is invalid: " + String.join("; ", refusals.entrySet().stream()
                .map(refusal -> refusal.getKey() + " " + refusal.getValue()).toList()));
        this.refusals = Map.copyOf(refusals);
    }

    /** @param refusals each member refused, with why */
    static InvalidPatchException of(Map<String, String> refusals) {
        return new InvalidPatchException(refusals);
    }

    Map<String, String> refusals() {
        return refusals;
    }
}
