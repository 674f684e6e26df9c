package com.example.inventory.stock;

/**
 * Why a product's stock changed, and by how much each of its two counters moves per unit. These signs are the
 * ledger's arithmetic: for every product {@code stock = Σ stockSign × quantity} and
 * {@code reserved = Σ reservedSign × quantity} over its movements.
 */
public enum MovementKind {

    /** The stock a product was created with. */
    INITIAL(1, 0),
    /** Stock delivered. */
    RESTOCK(1, 0),
    /** Stock taken by an order. */
    DEDUCT(-1, 0),
    /** A deduction cancelled: its stock given back. */
    CANCEL(1, 0),
    /** Units held for an order at checkout: out of {@code available}, still in {@code stock}. */
    RESERVE(0, 1),
    /** A hold given up (released or expired): back in {@code available}. */
    RELEASE(0, -1),
    /** A hold confirmed: the units leave {@code stock} and {@code reserved} together. */
    CONFIRM(-1, -1);

    private final int stockSign;
    private final int reservedSign;

    MovementKind(int stockSign, int reservedSign) {
        this.stockSign = stockSign;
        this.reservedSign = reservedSign;
    }

    public int stockDelta(int quantity) {
        return stockSign * quantity;
    }

    public int reservedDelta(int quantity) {
        return reservedSign * quantity;
    }

    /** How much {@code available} ({@code stock - reserved}) moves. */
    public int availableDelta(int quantity) {
        return stockDelta(quantity) - reservedDelta(quantity);
    }

    /** Whether this movement can leave too little stock for it (rather than too much). */
    public boolean takesAvailable() {
        return stockSign - reservedSign < 0;
    }
}
