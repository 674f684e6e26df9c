package com.example.inventory.stock;

import java.util.Map;

/**
 * The claim of one order as common table expressions that a placement's statement starts with
 * ({@link OrderClaims#inlineClaim}): the book writes its own rows, the stock core its own, in one statement.
 *
 * <p>{@code ctes} is a comma-separated list of {@code name AS (…)} items, without {@code WITH}; one of them is named
 * {@value #CLAIMED} and returns one row when this statement claimed the order's id, none when the id was claimed
 * before (an {@code INSERT … ON CONFLICT DO NOTHING … RETURNING}: a concurrent claim of the same id is waited for,
 * as by {@link OrderClaims#claim}). Its other items depend on {@value #CLAIMED} only (they write nothing when it
 * claimed nothing) and none reads a table that the rest of the statement changes. Its parameters are named, each name
 * beginning with {@code claim}, so that they cannot meet the statement's own.
 *
 * @param ctes the claim's common table expressions
 * @param parameters their named parameters' values, by name
 */
public record InlineClaim(String ctes, Map<String, Object> parameters) {

    /** The name of the expression that returns the claimed order's row. */
    public static final String CLAIMED = "claimed";

    public InlineClaim {
        parameters = Map.copyOf(parameters);
        parameters.keySet().forEach(name -> {
            if (!name.startsWith("claim")) {
                throw new IllegalArgumentException("A claim's parameter is named claim…, not " + name);
            }
        });
    }
}
