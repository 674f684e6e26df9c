package com.example.inventory.web.security;

import com.example.inventory.common.Caller;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What a validated token says about its caller: the client ({@code client_id}, else {@code azp}, else {@code sub})
 * as the authentication's name, and its scopes ({@code scope}, space-separated or a list, else {@code scp}) as
 * {@code SCOPE_…} authorities. A token that names no client, or one longer than the service keeps, is invalid; so
 * is one without an expiry ({@code exp}), which would otherwise be valid for ever.
 */
final class Tokens implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String SCOPE_PREFIX = "SCOPE_";

    private static final String[] CLIENT_CLAIMS = {"client_id", "azp", "sub"};

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            throw new InvalidBearerTokenException("The token has no expiry");
        }
        // The first of the claims the token has names the client; one that is not a non-blank string is no name.
        Object named = Stream.of(CLIENT_CLAIMS).map(claim -> jwt.getClaims().get(claim)).filter(Objects::nonNull)
                .findFirst().orElseThrow(() -> new InvalidBearerTokenException("The token names no client"));
        if (!(named instanceof String client) || client.isBlank()) {
            throw new InvalidBearerTokenException("The token's client claim is not a client id");
        }
        if (client.length() > Caller.MAX_CLIENT_ID_LENGTH) {
            throw new InvalidBearerTokenException("The token's client id is longer than "
                    + Caller.MAX_CLIENT_ID_LENGTH + " characters");
        }
        Collection<GrantedAuthority> authorities = scopes.convert(jwt);
        return new JwtAuthenticationToken(jwt, authorities, client);
    }

}
