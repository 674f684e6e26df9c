package com.example.inventory.bench;

/**
 * What the clients saw of checkouts (reserve, then confirm, release or nothing) in one phase: each request kind
 * on its own, and how the checkouts ended. The phase's {@link Tally} has every request of them together.
 */
final class CheckoutTally {

    final Tally reserve = new Tally();
    final Tally confirm = new Tally();
    final Tally release = new Tally();
    /** Checkouts whose confirm answered 200. */
    long confirmed;
    /** Checkouts whose release answered 200. */
    long released;
    /** Checkouts left to expire whose reservation answered 201. */
    long expired;
    /** Holds (201s) left undecided: their decision answered neither 200 nor, in time, 503. */
    long abandoned;

    /** Checkouts that count: reserved (201) and decided (200), or reserved to expire. */
    long completed() {
        return confirmed + released + expired;
    }

    void add(CheckoutTally other) {
        reserve.add(other.reserve);
        confirm.add(other.confirm);
        release.add(other.release);
        confirmed += other.confirmed;
        released += other.released;
        expired += other.expired;
        abandoned += other.abandoned;
    }
}
