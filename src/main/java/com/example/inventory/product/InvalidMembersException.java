package com.example.inventory.product;

import java.util.Map;

/**
 * A request whose members break a rule no member's own constraints can say: a merge patch asking what no patch may (a
 * null {@code name}, a member only other operations change), a product creation giving both {@code stock} and
 * {@code locations}, or a location twice. A 400 {@code validation} naming each member.
 */
class InvalidMembersException extends RuntimeException {

    private final Map<String, String> refusals;

    private InvalidMembersException(Map<String, String> refusals) {
        super("The request is invalid: " + String.join("; ", refusals.entrySet().stream()
                .map(refusal -> refusal.getKey() + " " + refusal.getValue()).toList()));
        this.refusals = Map.copyOf(refusals);
    }

    /** @param refusals each member refused, with why */
    static InvalidMembersException of(Map<String, String> refusals) {
        return new InvalidMembersException(refusals);
    }

    Map<String, String> refusals() {
        return refusals;
    }
}
