package com.example.inventory.ledger;

/** Why a product's stock changed. */
public enum MovementKind {
    INITIAL, RESTOCK, DEDUCT, CANCEL
}
