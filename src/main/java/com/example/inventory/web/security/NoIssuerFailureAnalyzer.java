package com.example.inventory.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up without an issuer: one clear line saying what to set, not a stack trace. */
class NoIssuerFailureAnalyzer extends AbstractFailureAnalyzer<NoIssuerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoIssuerException cause) {
        return new FailureAnalysis(NoIssuerException.MESSAGE, "Set the issuer of your OAuth2 authorization server, "
                + "e.g. --spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.example.com/realms/shop",
                cause);
    }
}
