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
 * The stock rule on the stock row, without a database: every movement applies up to its bound and is refused one unit
 * beyond it, with the failure that explains why, leaving the row as it was.
 */
class LocationStockTests {

    private static final int MAX = InventoryLimits.MAX_STOCK;
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-01-01T00:00:01.123456789Z");

    /** Stock 10, of which 4 are reserved: 6 available. */
    private static LocationStock tenWithFourReserved() {
        LocationStock product = new LocationStock(1, "SKU-1", "DEFAULT", 0, 10, CREATED);
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
        LocationStock refused = tenWithFourReserved();
        assertThat(refused.refusal(kind, tooMany)).isNotNull()
                .extracting(failure -> failure.getClass().getSimpleName()).isEqualTo(refusal);
        assertThatThrownBy(() -> refused.apply(kind, tooMany, CHANGED))
                .extracting(failure -> failure.getClass().getSimpleName()).isEqualTo(refusal);
        assertThat(refused.getStock()).as("refused: stock unchanged").isEqualTo(10);
        assertThat(refused.getReserved()).as("refused: reserved unchanged").isEqualTo(4);
        assertThat(refused.getUpdatedAt()).as("refused: not touched").isEqualTo(CREATED);

        LocationStock applied = tenWithFourReserved();
        assertThat(applied.refusal(kind, fits)).isNull();
        applied.apply(kind, fits, CHANGED);
        assertThat(applied.getStock()).isEqualTo(stockAfter);
        assertThat(applied.getReserved()).isEqualTo(reservedAfter);
    }

    @Test
    void refusesADeductionBeyondAvailableWithTheFacts() {
        LocationStock product = tenWithFourReserved();

        assertThatThrownBy(() -> product.apply(MovementKind.DEDUCT, 7, CHANGED))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.sku()).isEqualTo("SKU-1");
                    assertThat(e.requested()).isEqualTo(7);
                    assertThat(e.available()).isEqualTo(6);
                });
    }

    @Test
    void refusesARestockBeyondTheLimitWithTheFacts() {
        LocationStock product = new LocationStock(1, "SKU-1", "DEFAULT", 0, MAX, CREATED);

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
        LocationStock product = tenWithFourReserved();

        assertThatIllegalArgumentException().isThrownBy(() -> product.apply(kind, 0, CHANGED));
        assertThatIllegalArgumentException().isThrownBy(() -> product.apply(kind, -1, CHANGED));
        assertThat(product.getStock()).isEqualTo(10);
    }

    @Test
    void isCreatedWithStockFromZeroToTheLimitOnly() {
        assertThat(new LocationStock(1, "SKU-0", "DEFAULT", 0, 0, CREATED).getStock()).isZero();
        assertThat(new LocationStock(1, "SKU-M", "DEFAULT", 0, MAX, CREATED).getStock()).isEqualTo(MAX);
        assertThatIllegalArgumentException().isThrownBy(() -> new LocationStock(1, "SKU-N", "DEFAULT", 0, -1, CREATED));
        assertThatIllegalArgumentException().isThrownBy(() -> new LocationStock(1, "SKU-O", "DEFAULT", 0, MAX + 1, CREATED));
    }

    @Test
    void takesItsTimesFromTheCallerAsTheDatabaseKeepsThem() {
        LocationStock product = new LocationStock(1, "SKU-1", "DEFAULT", 0, 10, CHANGED);
        assertThat(product.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:01.123456Z"));

        product.apply(MovementKind.DEDUCT, 1, CHANGED.plusSeconds(1));
        assertThat(product.getUpdatedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:02.123456Z"));
    }
}
