package com.example.inventory.reservation;

/**
 * A reservation that would lift its client's held units (in {@code ACTIVE} reservations) above the quota
 * ({@code hold-quota-exceeded}): {@code held} before it, the {@code limit}.
 */
public class HoldQuotaExceededException extends RuntimeException {

    private final String orderId;
    private final long held;
    private final long limit;

    HoldQuotaExceededException(String orderId, long requested, long held, long limit) {
        super("Order " + orderId + " would hold " + requested + " more unit(s); the client holds " + held
                + " of at most " + limit + " in active reservations");
        this.orderId = orderId;
        this.held = held;
        this.limit = limit;
    }

    public String orderId() {
        return orderId;
    }

    public long held() {
        return held;
    }

    public long limit() {
        return limit;
    }
}
