package com.example.inventory.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's response headers, on {@code /console} and everything under it: a {@code Content-Security-Policy}
 * that runs only the console's own scripts and styles (no inline script or style, no other origin but the issuer's
 * for {@code fetch}), in no frame ({@code frame-ancestors 'none'}), and no {@code Referer} (the redirect back from
 * the issuer carries the authorization code in the URL). Spring Security adds its usual headers
 * ({@code X-Content-Type-Options}, {@code X-Frame-Options}, {@code Cache-Control}) as on every answer.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleHeaders {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleHeadersFilter(ConsoleConfig config) {
        String policy = config.contentSecurityPolicy();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        response.setHeader("Content-Security-Policy", policy);
                        response.setHeader("Referrer-Policy", "no-referrer");
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/console", "/console/*");
        registration.setName("consoleHeaders");
        return registration;
    }
}
