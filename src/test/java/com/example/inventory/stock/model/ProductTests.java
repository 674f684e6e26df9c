package com.example.inventory.stock.model;

import com.example.inventory.common.InventoryLimits;
import com.example.inventory.stock.InsufficientStockException;
import com.example.inventory.stock.MovementKind;
import com.example.inventory.stock.StockLimitExceededException;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stock rule on the entity, without a database: every movement applies up to its bound and is refused one unit
 * beyond it, with the failure that explains why, leaving the product as it was.
 */
class ProductTests {

    private static final int MAX = InventoryLimits.MAX_STOCK;
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-01-01T00:00:01.123456789Z");

    /** Stock 10, of which 4 are reserved: 6 available. */
    private static Product tenWithFourReserved() {
        Product product = new Product("SKU-1", "Widget", 10, CREATED);
        product.apply(MovementKind.RESERVE, 4, CREATED);
        return product;
    }

    @ParameterizedTest(name = "{0}: {1} fits, leaving stock {2} and reserved {3}; {4} is refused with {5}")
    @CsvSource({
            "INITIAL,  999999990, 1000000000, 4, 999999991, StockLimitExceededException",
            "RESTOCK,  999999990, 1000000000, 4, 999999991, StockLimitExceededException",
            "CANCEL,   999999990, 1000000000, 4, 999999991, StockLimitExceededException",
            "DEDUCT,   6,         4,          4, 7,         InsufficientStockException",
            "RESERVE,  6,         10,         10, 7,        InsufficientStockException",
            "RELEASE,  4,         10,         0, 5,         IllegalStateException",
            "CONFIRM,  4,         6,          0, 5,         IllegalStateException"})
    void appliesEveryMovementUpToItsBoundAndRefusesOneUnitMore(MovementKind kind, int fits, int stockAfter,
                                                               int reservedAfter, int tooMany, String refusal) {
        Product refused = tenWithFourReserved();
        assertThat(refused.refusal(kind, tooMany)).isNotNull()
                .extracting(failure -> failure.getClass().getSimpleName()).isEqualTo(refusal);
        assertThatThrownBy(() -> refused.apply(kind, tooMany, CHANGED))
                .extracting(failure -> failure.getClass().getSimpleName()).isEqualTo(refusal);
        assertThat(refused.getStock()).as("refused: stock unchanged").isEqualTo(10);
        assertThat(refused.getReserved()).as("refused: reserved unchanged").isEqualTo(4);
        assertThat(refused.getUpdatedAt()).as("refused: not touched").isEqualTo(CREATED);

        Product applied = tenWithFourReserved();
        assertThat(applied.refusal(kind, fits)).isNull();
        applied.apply(kind, fits, CHANGED);
        assertThat(applied.getStock()).isEqualTo(stockAfter);
        assertThat(applied.getReserved()).isEqualTo(reservedAfter);
    }

    @Test
    void refusesADeductionBeyondAvailableWithTheFacts() {
        Product product = tenWithFourReserved();

        assertThatThrownBy(() -> product.apply(MovementKind.DEDUCT, 7, CHANGED))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.sku()).isEqualTo("SKU-1");
                    assertThat(e.requested()).isEqualTo(7);
                    assertThat(e.available()).isEqualTo(6);
                });
    }

    @Test
    void refusesARestockBeyondTheLimitWithTheFacts() {
        Product product = new Product("SKU-1", "Widget", MAX, CREATED);

        assertThatThrownBy(() -> product.apply(MovementKind.RESTOCK, 1, CHANGED))
                .isInstanceOfSatisfying(StockLimitExceededException.class, e -> {
                    assertThat(e.sku()).isEqualTo("SKU-1");
                    assertThat(e.stock()).isEqualTo(MAX);
                    assertThat(e.quantity()).isEqualTo(1);
                });
    }

    @ParameterizedTest
    @EnumSource(MovementKind.class)
    void refusesAQuantityThatIsNotPositive(MovementKind kind) {
        Product product = tenWithFourReserved();

        assertThatIllegalArgumentException().isThrownBy(() -> product.apply(kind, 0, CHANGED));
        assertThatIllegalArgumentException().isThrownBy(() -> product.apply(kind, -1, CHANGED));
        assertThat(product.getStock()).isEqualTo(10);
    }

    @Test
    void isCreatedWithStockFromZeroToTheLimitOnly() {
        assertThat(new Product("SKU-0", "Empty", 0, CREATED).getStock()).isZero();
        assertThat(new Product("SKU-M", "Full", MAX, CREATED).getStock()).isEqualTo(MAX);
        assertThatIllegalArgumentException().isThrownBy(() -> new Product("SKU-N", "Negative", -1, CREATED));
        assertThatIllegalArgumentException().isThrownBy(() -> new Product("SKU-O", "Over", MAX + 1, CREATED));
    }

    @Test
    void takesItsTimesFromTheCallerAsTheDatabaseKeepsThem() {
        Product product = new Product("SKU-1", "Widget", 10, CHANGED);
        assertThat(product.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01.123456Z"));

        product.apply(MovementKind.DEDUCT, 1, CHANGED.plusSeconds(1));
        assertThat(product.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02.123456Z"));
    }
}
