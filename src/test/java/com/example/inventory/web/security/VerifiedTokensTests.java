package com.example.inventory.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verified token is verified once, its time window on every use; a refused one is never remembered. */
class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final AtomicInteger decoded = new AtomicInteger();

    @Test
    void theSameTokenIsVerifiedOnce() {
        VerifiedTokens tokens = new VerifiedTokens(decoderExpiringAt(NOW.plusSeconds(600)), at(NOW));

        Jwt first = tokens.decode("token-a");
        Jwt second = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(decoded).hasValue(2);
    }

    @Test
    void expiryIsCheckedOnEveryUseWithSixtySecondsOfSkew() {
        MovingClock clock = new MovingClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(decoderExpiringAt(NOW.plusSeconds(600)), clock);
        tokens.decode("token-a");

        clock.now = NOW.plusSeconds(660);
        assertThat(tokens.decode("token-a")).isNotNull();
        clock.now = NOW.plusSeconds(661);
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(decoded).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        JwtDecoder refusing = token -> {
            decoded.incrementAndGet();
            throw new BadJwtException("bad signature");
        };
        VerifiedTokens tokens = new VerifiedTokens(refusing, at(NOW));

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).hasValue(2);
    }

    private JwtDecoder decoderExpiringAt(Instant expiry) {
        return token -> {
            decoded.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "RS256").claim("client_id", "shop")
                    .issuedAt(NOW).notBefore(NOW).expiresAt(expiry).build();
        };
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static final class MovingClock extends Clock {

        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
