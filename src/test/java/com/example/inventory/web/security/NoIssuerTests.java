package com.example.inventory.web.security;

import com.example.inventory.InventoryApplication;
import com.example.inventory.TestcontainersConfiguration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** There is no open mode: without an issuer the service does not start, and says in one line what to set. */
@ExtendWith(OutputCaptureExtension.class)
class NoIssuerTests {

    @Test
    void refusesToStartWithoutAnIssuer(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.from(InventoryApplication::main)
                .with(TestcontainersConfiguration.class).run("--server.port=0"))
                .hasRootCauseInstanceOf(NoIssuerException.class);

        assertThat(output.getAll()).contains("No token issuer configured: set "
                + "spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }
}
