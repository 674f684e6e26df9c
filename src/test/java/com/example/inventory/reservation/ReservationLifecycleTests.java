package com.example.inventory.reservation;

import com.example.inventory.stock.OrderLine;
import com.example.inventory.stock.PlacementMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A reservation's transitions, as the entity guards them: no Spring, no database. */
class ReservationLifecycleTests {

    private static final Instant PLACED = Instant.parse("2025-01-01T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Instant DEADLINE = PLACED.plus(TTL);
    private static final Instant BEFORE_DEADLINE = DEADLINE.minusNanos(1_000);
    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final Instant LATEST = PLACED.plus(LIFETIME);

    private final Reservation reservation = new Reservation(
            ReservationOrder.of("ORD-1", "shop", List.of(new OrderLine("PHONE-1", 2)), PLACED, TTL), PlacementMode.ATOMIC, 1);

    @Test
    void startsActiveUntilItsDeadline() {
        assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(reservation.getExpiresAt()).isEqualTo(DEADLINE);
        assertThat(reservation.isOverdueAt(BEFORE_DEADLINE)).isFalse();
        assertThat(reservation.isOverdueAt(DEADLINE)).as("the deadline itself is too late").isTrue();
    }

    @Test
    void confirmsIntoTheDeductionThatRecordsTheSale() {
        UUID deduction = UUID.randomUUID();

        reservation.confirm(deduction, BEFORE_DEADLINE);

        assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reservation.isConfirmed()).isTrue();
        assertThat(reservation.getDeductionId()).isEqualTo(deduction);
    }

    @Test
    void releasesBeforeItsDeadline() {
        assertThat(reservation.release(BEFORE_DEADLINE)).as("units go back").isTrue();

        assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.RELEASED);
    }

    @Test
    void releasedAtItsDeadlineEndsAsExpired() {
        assertThat(reservation.release(DEADLINE)).as("units go back").isTrue();

        assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void extendsItsDeadline() {
        Instant later = DEADLINE.plus(TTL);

        reservation.extend(later, BEFORE_DEADLINE, LIFETIME);

        assertThat(reservation.getExpiresAt()).isEqualTo(later);
        assertThat(reservation.isOverdueAt(DEADLINE)).isFalse();
    }

    @Test
    void extendsUpToItsCreationPlusItsLifetimeExactly() {
        reservation.extend(LATEST, BEFORE_DEADLINE, LIFETIME);

        assertThat(reservation.getExpiresAt()).isEqualTo(LATEST);
    }

    @Test
    void refusesAnExtensionPastItsCreationPlusItsLifetimeAndKeepsItsDeadline() {
        assertThatThrownBy(() -> reservation.extend(LATEST.plusNanos(1_000), BEFORE_DEADLINE, LIFETIME))
                .isInstanceOfSatisfying(ReservationLifetimeExceededException.class,
                        refused -> assertThat(refused.maxExpiresAt()).isEqualTo(LATEST));

        assertThat(reservation.getExpiresAt()).isEqualTo(DEADLINE);
        assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.ACTIVE);
    }

    @Test
    void refusesConfirmationAndExtensionOnceItsTimeIsUpUnswept() {
        assertRefused(() -> reservation.confirm(UUID.randomUUID(), DEADLINE), ReservationStatus.EXPIRED);
        assertRefused(() -> reservation.extend(DEADLINE.plus(TTL), DEADLINE, LIFETIME), ReservationStatus.EXPIRED);
        assertThat(reservation.getStatus()).as("still for the sweeper to expire").isEqualTo(ReservationStatus.ACTIVE);
    }

    @Nested
    class Confirmed {

        @Test
        void cannotBeReleasedExtendedOrConfirmedAgain() {
            reservation.confirm(UUID.randomUUID(), BEFORE_DEADLINE);

            assertRefused(() -> reservation.release(BEFORE_DEADLINE), ReservationStatus.CONFIRMED);
            assertRefused(() -> reservation.extend(DEADLINE.plus(TTL), BEFORE_DEADLINE, LIFETIME), ReservationStatus.CONFIRMED);
            assertRefused(() -> reservation.confirm(UUID.randomUUID(), BEFORE_DEADLINE), ReservationStatus.CONFIRMED);
            assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        }
    }

    @Nested
    class Released {

        @Test
        void cannotBeConfirmedOrExtended() {
            reservation.release(BEFORE_DEADLINE);

            assertRefused(() -> reservation.confirm(UUID.randomUUID(), BEFORE_DEADLINE), ReservationStatus.RELEASED);
            assertRefused(() -> reservation.extend(DEADLINE.plus(TTL), BEFORE_DEADLINE, LIFETIME), ReservationStatus.RELEASED);
            assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.RELEASED);
        }

        @Test
        void releasedAgainChangesNothing() {
            reservation.release(BEFORE_DEADLINE);

            assertThat(reservation.release(BEFORE_DEADLINE)).as("no units go back twice").isFalse();
            assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.RELEASED);
        }
    }

    @Nested
    class Expired {

        @Test
        void cannotBeConfirmedOrExtended() {
            reservation.release(DEADLINE);

            assertRefused(() -> reservation.confirm(UUID.randomUUID(), DEADLINE), ReservationStatus.EXPIRED);
            assertRefused(() -> reservation.extend(DEADLINE.plus(TTL), DEADLINE, LIFETIME), ReservationStatus.EXPIRED);
        }

        @Test
        void releasedChangesNothing() {
            reservation.release(DEADLINE);

            assertThat(reservation.release(DEADLINE)).as("no units go back twice").isFalse();
            assertThat(reservation.getStatus()).isEqualTo(ReservationStatus.EXPIRED);
        }
    }

    private static void assertRefused(Runnable transition, ReservationStatus reported) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(ReservationStateException.class,
                refused -> assertThat(refused.status()).isEqualTo(reported));
    }
}
