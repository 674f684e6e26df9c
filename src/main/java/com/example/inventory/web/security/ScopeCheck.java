package com.example.inventory.web.security;

import com.example.inventory.common.Caller;
import com.example.inventory.web.RequiredScope;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Holds each endpoint to its {@link RequiredScope}, once the request is authenticated and its handler known (so an
 * unknown path stays a 404 and a wrong method a 405 for any valid token). An endpoint without the annotation is an
 * operator's ({@code inventory.admin}): deny by default.
 */
class ScopeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // The mapping the handler was chosen by, not the request's URI: "/api;x/v1/…" or "/%61pi/v1/…" reach the same
        // handler as "/api/v1/…", and must not pass around its scope.
        if (!(handler instanceof HandlerMethod method)
                || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
                || !pattern.startsWith("/api/")) {
            return true;
        }
        Caller caller = CallerArgumentResolver.caller();
        RequiredScope required = method.getMethodAnnotation(RequiredScope.class);
        String[] anyOf = required == null ? new String[] {Caller.ADMIN} : required.value();
        if (Arrays.stream(anyOf).noneMatch(caller.scopes()::contains)) {
            throw new MissingScopeException(anyOf[0]);
        }
        if (required != null && !caller.isAdmin()
                && Arrays.stream(required.operatorParameters()).anyMatch(name -> request.getParameter(name) != null)) {
            throw new MissingScopeException(Caller.ADMIN);
        }
        return true;
    }
}
