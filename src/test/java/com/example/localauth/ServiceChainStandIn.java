package com.example.localauth;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultServletWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security is on the test classpath for {@link LocalAuthorizationServer}; where a context declares no filter
 * chain of its own, Boot would add its default one and lock every path of the service. Until the service declares
 * its chain (the resource server, issue 18), this test-only auto-configuration stands in: a chain that matches no
 * request, so the service answers as it always has. It backs off as soon as any chain is declared (the service's, or
 * the authorization server's in the local run), so it changes nothing once the service has its own.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class},
        beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web."
                + "OAuth2ResourceServerWebSecurityAutoConfiguration")
@ConditionalOnDefaultServletWebSecurity
class ServiceChainStandIn {

    @Bean
    SecurityFilterChain noServiceChainYet(HttpSecurity http) {
        return http.securityMatcher(request -> false).build();
    }
}
