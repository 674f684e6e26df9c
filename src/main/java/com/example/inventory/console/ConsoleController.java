package com.example.inventory.console;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's page ({@code /console/}, which is also its OAuth2 redirect URI) and its settings
 * ({@code /console/config.json}); its scripts and style sheet are static resources beside the page. Not part of the
 * API: no token, and not in the OpenAPI document.
 */
@Hidden
@RestController
class ConsoleController {

    private static final Resource PAGE = new ClassPathResource("static/console/index.html");

    private final ConsoleConfig config;

    ConsoleController(ConsoleConfig config) {
        this.config = config;
    }

    /** {@code /console} to {@code /console/}, so that the page's relative links resolve under it. */
    @GetMapping("/console")
    ResponseEntity<Void> withSlash() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("console/")).build();
    }

    @GetMapping("/console/")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    @GetMapping(path = "/console/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConsoleConfig.Body> settings() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config.body());
    }
}
