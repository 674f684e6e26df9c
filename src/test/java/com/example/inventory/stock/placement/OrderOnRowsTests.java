package com.example.inventory.stock.placement;

import com.example.inventory.stock.Allocated;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.ProductNotFoundException;
import com.example.inventory.stock.model.LocationAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order on its rows, without a database: the shortcut taken when the rule has no choice (no line pinned, one row
 * per product) answers exactly what the rule itself answers, and every other order is the rule's.
 */
class OrderOnRowsTests {

    @Test
    void withoutAChoiceTheAnswerIsTheRulesOnThousandsOfRandomOrders() {
        Random random = new Random(19);
        for (int trial = 0; trial < 5_000; trial++) {
            int products = 1 + random.nextInt(4);
            List<OrderOnRows.Row> rows = new ArrayList<>();
            List<OrderLine> lines = new ArrayList<>();
            for (int p = 0; p < products; p++) {
                String sku = "P" + p;
                // One row each, at one of three locations (so that the products' rows may or may not share one).
                int location = random.nextInt(3);
                rows.add(new OrderOnRows.Row(sku, "L" + location, 2 - location, random.nextInt(6)));
                lines.add(new OrderLine(sku, 1 + random.nextInt(5)));
            }
            String seen = lines + " on " + rows;
            assertThat(described(OrderOnRows.allocate(lines, rows))).as(seen)
                    .isEqualTo(described(byTheRule(lines, rows)));
        }
    }

    @Test
    void aLineWhoseProductHasNoRowIsAnUnknownProduct() {
        assertThat(OrderOnRows.allocate(List.of(new OrderLine("A", 1), new OrderLine("NONE", 1)),
                List.of(new OrderOnRows.Row("A", "DEFAULT", 0, 5))))
                .isInstanceOfSatisfying(OrderOnRows.Refused.class, refused -> assertThat(refused.refusal())
                        .isInstanceOfSatisfying(ProductNotFoundException.class,
                                notFound -> assertThat(notFound.sku()).isEqualTo("NONE")));
    }

    @Test
    void aPinnedLineIsTheRulesEvenWithOneRow() {
        assertThat(OrderOnRows.allocate(List.of(new OrderLine("A", 1, "ELSEWHERE")),
                List.of(new OrderOnRows.Row("A", "DEFAULT", 0, 5))))
                .isInstanceOfSatisfying(OrderOnRows.Refused.class, refused -> assertThat(refused.refusal())
                        .isInstanceOfSatisfying(InsufficientStockException.class,
                                shortage -> assertThat(shortage.available()).isZero()));
    }

    /** A decision as text: the allocations, or the refusal's facts (exceptions are equal only to themselves). */
    private static String described(OrderOnRows.Decision decision) {
        return switch (decision) {
            case OrderOnRows.Fits fits -> "fits " + fits.allocations();
            case OrderOnRows.Refused(InsufficientStockException shortage) -> "short of " + shortage.sku() + ": "
                    + shortage.requested() + " requested, " + shortage.available() + " available";
            case OrderOnRows.Refused refused -> "refused " + refused.refusal();
        };
    }

    /** The rule's own answer, as OrderOnRows states its decisions. */
    private static OrderOnRows.Decision byTheRule(List<OrderLine> lines, List<OrderOnRows.Row> rows) {
        LocationAllocation.Outcome outcome = LocationAllocation.allocate(
                lines.stream().map(line -> new LocationAllocation.Line(line.sku(), line.quantity(), line.location()))
                        .toList(),
                rows.stream().map(row -> new LocationAllocation.Row(row.sku(), row.location(), row.priority(),
                        row.available())).toList());
        return switch (outcome) {
            case LocationAllocation.Shortage shortage -> new OrderOnRows.Refused(shortage.exception());
            case LocationAllocation.Fits fits -> new OrderOnRows.Fits(fits.lines().stream()
                    .map(takes -> takes.stream().map(take -> new Allocated(take.location(), take.quantity())).toList())
                    .toList());
        };
    }
}
