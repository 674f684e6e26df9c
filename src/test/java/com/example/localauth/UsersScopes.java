package com.example.localauth;

import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps the authorizations as {@code delegate} does, but an authorization a user gave (the authorization-code grant)
 * is granted only those of the requested scopes the user holds (a {@link LocalUser}'s scopes, as authorities): the
 * console asks for {@code inventory.admin}, a viewer's token carries none. (The issuer's consent page would do it with
 * a person's clicks; the local clients skip it.)
 */
final class UsersScopes implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;

    UsersScopes(OAuth2AuthorizationService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Object principal = authorization.getAttribute(java.security.Principal.class.getName());
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())
                && principal instanceof Authentication user) {
            Set<String> held = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            Set<String> granted = authorization.getAuthorizedScopes().stream().filter(held::contains)
                    .collect(Collectors.toUnmodifiableSet());
            if (!granted.equals(authorization.getAuthorizedScopes())) {
                authorization = OAuth2Authorization.from(authorization).authorizedScopes(granted).build();
            }
        }
        delegate.save(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        return delegate.findByToken(token, tokenType);
    }
}
