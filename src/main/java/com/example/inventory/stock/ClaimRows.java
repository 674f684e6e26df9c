package com.example.inventory.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Orders flattened into column arrays, as an order book's one-statement claim takes them
 * ({@code INSERT … SELECT … FROM unnest(…)}): one element per order in {@link #idTexts()}, {@link #clientIds()} and
 * {@link #orderIds()},
 * one per line in the line arrays, lines numbered from 0 in each order's own order.
 *
 * @param <O> the book's orders
 */
public final class ClaimRows<O extends StockOrder> {

    private final List<O> orders;
    private final Function<O, UUID> idOf;
    private final UUID[] ids;
    private final String[] orderIds;
    private final String[] clientIds;
    private final UUID[] lineOrderIds;
    private final Integer[] lineNumbers;
    private final String[] skus;
    private final Integer[] quantities;
    private final String[] locations;

    private ClaimRows(List<O> orders, Function<O, UUID> idOf) {
        this.orders = orders;
        this.idOf = idOf;
        int lineCount = orders.stream().mapToInt(order -> order.lines().size()).sum();
        ids = new UUID[orders.size()];
        orderIds = new String[orders.size()];
        clientIds = new String[orders.size()];
        lineOrderIds = new UUID[lineCount];
        lineNumbers = new Integer[lineCount];
        skus = new String[lineCount];
        quantities = new Integer[lineCount];
        locations = new String[lineCount];
        int line = 0;
        for (int i = 0; i < orders.size(); i++) {
            O order = orders.get(i);
            ids[i] = idOf.apply(order);
            orderIds[i] = order.orderId();
            clientIds[i] = order.clientId();
            for (int number = 0; number < order.lines().size(); number++, line++) {
                OrderLine orderLine = order.lines().get(number);
                lineOrderIds[line] = ids[i];
                lineNumbers[line] = number;
                skus[line] = orderLine.sku();
                quantities[line] = orderLine.quantity();
                locations[line] = orderLine.location();
            }
        }
    }

    /** @param idOf the id each order's record gets when it is claimed */
    public static <O extends StockOrder> ClaimRows<O> of(List<O> orders, Function<O, UUID> idOf) {
        return new ClaimRows<>(orders, idOf);
    }

    /** The orders whose record ids are among {@code claimedIds}, in the order given. */
    public List<O> claimed(Collection<UUID> claimedIds) {
        if (claimedIds.size() == orders.size()) {
            return orders;
        }
        Set<UUID> claimed = new HashSet<>(claimedIds);
        List<O> result = new ArrayList<>(claimed.size());
        for (O order : orders) {
            if (claimed.contains(idOf.apply(order))) {
                result.add(order);
            }
        }
        return result;
    }

    /** The orders' record ids as text, for {@code ?::uuid[]}: the driver binds text arrays as they are. */
    public String[] idTexts() {
        return texts(ids);
    }

    /** Each line's order record id as text, for {@code ?::uuid[]}. */
    public String[] lineOrderIdTexts() {
        return texts(lineOrderIds);
    }

    /** Instants as text, for {@code ?::timestamptz[]}. */
    public static String[] texts(java.time.Instant[] instants) {
        return java.util.Arrays.stream(instants).map(java.time.Instant::toString).toArray(String[]::new);
    }

    private static String[] texts(UUID[] uuids) {
        return java.util.Arrays.stream(uuids).map(UUID::toString).toArray(String[]::new);
    }

    public String[] orderIds() {
        return orderIds;
    }

    public String[] clientIds() {
        return clientIds;
    }

    public Integer[] lineNumbers() {
        return lineNumbers;
    }

    public String[] skus() {
        return skus;
    }

    public Integer[] quantities() {
        return quantities;
    }

    /** Each line's pinned location, null where it pins none. */
    public String[] locations() {
        return locations;
    }
}
