package com.example.inventory.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last line of start-up: where the service listens and which database it uses (the URL the pool was built from,
 * a password parameter hidden), e.g. {@code Ready on http://localhost:8080, database
 * jdbc:postgresql://127.0.0.1:5432/inventory}.
 */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final ObjectProvider<JdbcConnectionDetails> database;
    private final Environment environment;

    ReadyLine(ObjectProvider<JdbcConnectionDetails> database, Environment environment) {
        this.database = database;
        this.environment = environment;
    }

    /** After every other listener of the event (springdoc's among them), so nothing follows it. */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void ready(ApplicationReadyEvent event) {
        String where = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? "http://localhost:" + web.getWebServer().getPort()
                        + environment.getProperty("server.servlet.context-path", "")
                : "no web server";
        JdbcConnectionDetails details = database.getIfUnique();
        String url = details != null ? details.getJdbcUrl() : environment.getProperty("spring.datasource.url");
        log.info("Ready on {}, database {}", where, url == null ? "(none configured)" : withoutPassword(url));
    }

    static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }
}
