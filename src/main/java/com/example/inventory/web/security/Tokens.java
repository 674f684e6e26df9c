package com.example.inventory.web.security;

import com.example.inventory.common.Caller;
import java.util.Collection;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

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
        String client = Stream.of(CLIENT_CLAIMS).map(claim -> text(jwt, claim))
                .filter(value -> value != null && !value.isBlank()).findFirst()
                .orElseThrow(() -> new InvalidBearerTokenException("The token names no client"));
        if (client.length() > Caller.MAX_CLIENT_ID_LENGTH) {
            throw new InvalidBearerTokenException("The token's client id is longer than "
                    + Caller.MAX_CLIENT_ID_LENGTH + " characters");
        }
        Collection<GrantedAuthority> authorities = scopes.convert(jwt);
        return new JwtAuthenticationToken(jwt, authorities, client);
    }

    private static @Nullable String text(Jwt jwt, String claim) {
        return jwt.getClaims().get(claim) instanceof String value ? value : null;
    }
}
