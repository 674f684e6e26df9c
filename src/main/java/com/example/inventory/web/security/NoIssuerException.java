package com.example.inventory.web.security;

/** Neither an issuer, a JWK set nor a public key is configured: the service does not start without one. */
class NoIssuerException extends IllegalStateException {

    static final String MESSAGE = "No token issuer configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
            + "(or jwk-set-uri, or public-key-location); every call needs a bearer token from it (docs/security.md)";

    NoIssuerException() {
        super(MESSAGE);
    }
}
