package com.example.inventory.deduction;

/** What a deduction request came to: a new deduction, or the stored one of a repeated order. */
public record DeductionOutcome(DeductionView deduction, boolean replayed) {
}
