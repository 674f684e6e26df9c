package com.example.inventory.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers the tokens it has verified, so that a client that sends the same token with every request (as a
 * client-credentials token is sent until it expires) pays for its signature check once, not per request: the
 * benchmark measured that check at about a quarter of the service's CPU per deduction (docs/benchmark/auth-cost.md).
 * A token is remembered by its exact text — header, claims and signature — so only the very bytes that were verified
 * are trusted again; every use still checks its time window, and a token refused once is asked of the decoder again
 * (it is not remembered). At most {@link #CAPACITY} tokens are kept, the least recently used leaving first.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 4096;

    /** The clock skew Spring Security's own timestamp check allows; the same here. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final JwtDecoder decoder;
    private final Clock clock;
    private final ConcurrentLruCache<String, Jwt> verified;

    /** @param clock the time the token's window is held to: the system's, as Spring Security's own check uses */
    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = new ConcurrentLruCache<>(CAPACITY, decoder::decode);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        Instant now = clock.instant();
        boolean expired = jwt.getExpiresAt() != null && now.minus(SKEW).isAfter(jwt.getExpiresAt());
        boolean early = jwt.getNotBefore() != null && now.plus(SKEW).isBefore(jwt.getNotBefore());
        if (expired || early) {
            verified.remove(token);
            String why = expired ? "The token has expired" : "The token is not valid yet";
            throw new JwtValidationException(why, List.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null)));
        }
        return jwt;
    }
}
