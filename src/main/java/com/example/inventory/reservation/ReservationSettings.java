package com.example.inventory.reservation;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inventory.reservation.*}: how the sweeper that expires overdue holds works. It runs on every instance;
 * instances share the work without waiting on each other ({@code SKIP LOCKED}).
 *
 * @param sweepInterval the pause between two sweeps; expired units are back within about this long (the contract
 *        allows 5 s)
 * @param sweepBatch the most reservations expired in one transaction
 * @param maxHeldUnitsPerClient the most units one client may hold in {@code ACTIVE} reservations at once (its hold
 *        quota: a client cannot take a shop's stock off sale by holding it)
 * @param maxLifetime the longest a reservation may hold its units, counted from its creation: no creation and no
 *        extension may set {@code expiresAt} beyond {@code createdAt} + this (the contract's 24 h)
 */
@Validated
@ConfigurationProperties("inventory.reservation")
record ReservationSettings(
        @DefaultValue("1s") @NotNull Duration sweepInterval,
        @DefaultValue("500") @Min(1) @Max(1000) int sweepBatch,
        @DefaultValue("100000") @Min(1) long maxHeldUnitsPerClient,
        @DefaultValue("24h") @NotNull @DurationMin(seconds = 1) Duration maxLifetime) {
}
