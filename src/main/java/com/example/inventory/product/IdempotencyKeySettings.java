package com.example.inventory.product;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inventory.idempotency-keys.*}: how long restock idempotency keys are kept, and how often the old ones are
 * purged. The purge runs on every instance; a key is kept at least {@code retention} (the contract's 24 h at least),
 * and at most about {@code retention} + {@code purgeInterval}.
 *
 * @param retention how long a key (and its stored answer) is kept after its first use; 24 h at least
 * @param purgeInterval the pause between two purges
 */
@Validated
@ConfigurationProperties("inventory.idempotency-keys")
record IdempotencyKeySettings(
        @DefaultValue("24h") @NotNull @DurationMin(hours = 24) Duration retention,
        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration purgeInterval) {
}
