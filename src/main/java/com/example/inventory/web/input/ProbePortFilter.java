package com.example.inventory.web.input;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The probe connector ({@code inventory.http.probes.port}) serves the health probes and nothing else: any other path
 * there is a 404 {@code not-found}, so that the port an orchestrator reaches never becomes a second door to the API.
 * The first rule, before anything reads the request.
 */
@Component
@Order(InputRuleFilter.PROBE_PORT)
class ProbePortFilter extends InputRuleFilter {

    private static final Set<String> PROBES =
            Set.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness");

    private final TomcatConfiguration.ProbeConnector probes;

    ProbePortFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
                    TomcatConfiguration.ProbeConnector probes) {
        super(problems);
        this.probes = probes;
    }

    @Override
    @Nullable Exception refusal(HttpServletRequest request) {
        if (!probes.serves(request.getLocalPort())) {
            return null;
        }
        String path = request.getRequestURI();
        boolean probe = PROBES.contains(path) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
        return probe ? null : new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), path, path);
    }
}
