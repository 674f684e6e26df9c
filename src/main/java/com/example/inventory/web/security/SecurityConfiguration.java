package com.example.inventory.web.security;

import com.example.inventory.common.Caller;
import com.example.inventory.common.ProblemType;
import com.example.inventory.common.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * The service as an OAuth2 resource server: stateless, no sessions or cookies (so no CSRF to guard against), deny by
 * default. Anonymous: the health probes, the OpenAPI document and Swagger UI (when served, {@code springdoc.*}), and
 * the stock console's files ({@code GET /console/**}).
 * Everything else needs a valid bearer token; the actuator's other endpoints need {@code inventory.admin}, each API
 * endpoint its {@link RequiredScope}. The token is validated by Spring Boot's decoder from the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties (signature, issuer, {@code audiences}, expiry and
 * not-before with Spring Security's 60 s of clock skew); without them the service does not start.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(CorsSettings.class)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Anonymous paths: what an orchestrator probes, and the API's documentation. */
    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**", "/asyncapi.yaml"};

    /**
     * The stock console's page, scripts and settings (static files, and its {@code config.json}): anonymous, since the
     * page is what signs its user in; everything it then asks of the API carries the user's bearer token.
     */
    private static final String[] CONSOLE = {"/console", "/console/**"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> decoder, CorsSettings cors) throws Exception {
        if (decoder.getIfAvailable() == null) {
            throw new NoIssuerException();
        }
        AuthenticationEntryPoint unauthorized = unauthorized();
        AccessDeniedHandler forbidden = forbidden();
        http.securityMatcher("/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .cors(c -> c.configurationSource(corsSource(cors)))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.GET, CONSOLE).permitAll()
                        .requestMatchers(HttpMethod.HEAD, CONSOLE).permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Tokens.SCOPE_PREFIX + Caller.ADMIN)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(new VerifiedTokens(decoder.getObject(), Clock.systemUTC()))
                                .jwtAuthenticationConverter(new Tokens()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }

    /**
     * What Spring Security's firewall refuses beyond the servlet container, and no more: the contract's answers stay
     * as they were (an encoded {@code %} or {@code .} in a SKU is looked up and not found, a {@code ;} is ignored by
     * the mapping, a method a path does not map, {@code TRACE} included, is a 405 with {@code Allow}).
     */
    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedPercent(true);
        firewall.setAllowUrlEncodedPeriod(true);
        firewall.setAllowSemicolon(true);
        firewall.setUnsafeAllowAnyHttpMethod(true);
        firewall.setAllowedHeaderNames(FirewallCharacters.NAMES);
        firewall.setAllowedHeaderValues(FirewallCharacters.HEADER_VALUES);
        firewall.setAllowedParameterNames(FirewallCharacters.NAMES);
        return firewall;
    }

    /**
     * No observations of the security filter chain, its authentications and authorizations: nothing reads them (the
     * dashboard and alerts use the requests' and the service's own meters), and wrapping every filter of every request
     * in an observation took about 9% of the service's CPU samples under checkout load ({@code bench/profile}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** 401 {@code unauthorized}, with the {@code WWW-Authenticate} challenge of RFC 6750. */
    private static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            challenge.commence(request, response, failure);
            // A token that was sent and refused, or none at all (no Authorization header, or another scheme).
            write(response, Problems.of(ProblemType.UNAUTHORIZED, failure instanceof OAuth2AuthenticationException
                    ? "The bearer token is not valid here: malformed, expired, not yet valid, wrongly signed, or "
                            + "for another audience"
                    : "This request needs a bearer token (Authorization: Bearer <token>)"));
        };
    }

    /** 403 {@code forbidden}: a valid token without {@code inventory.admin} on the actuator. */
    private static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            challenge.handle(request, response, denied);
            write(response, MissingScopeException.problem(Caller.ADMIN));
        };
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Problems.json(problem));
        response.flushBuffer();
    }

    private static CorsConfigurationSource corsSource(CorsSettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(settings.allowedOrigins());
            cors.setAllowedMethods(List.of("GET", "POST", "PATCH"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key"));
            cors.setExposedHeaders(List.of("Location", "Idempotent-Replayed", "Retry-After", "WWW-Authenticate"));
            cors.setMaxAge(settings.maxAge());
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeCheck());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

}
