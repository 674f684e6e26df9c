package com.example.inventory.deduction;

public enum DeductionStatus {
    COMPLETED, CANCELLED
}
