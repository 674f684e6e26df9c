package com.example.inventory.web.security;

import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A valid token without the scope a request needs: 403 {@code forbidden} naming it ({@code requiredScope}), with the
 * RFC 6750 challenge {@code WWW-Authenticate: Bearer error="insufficient_scope", scope="…"}.
 */
public class MissingScopeException extends ErrorResponseException {

    public MissingScopeException(String scope) {
        super(ProblemType.FORBIDDEN.status(), problem(scope), null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", "
                + "error_description=\"The request requires higher privileges than provided by the access token.\", "
                + "scope=\"" + scope + "\"");
    }

    public static ProblemDetail problem(String scope) {
        ProblemDetail problem = Problems.of(ProblemType.FORBIDDEN, "This request needs the scope " + scope);
        problem.setProperty("requiredScope", scope);
        return problem;
    }
}
