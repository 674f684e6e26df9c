package com.example.inventory.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the console is told, and the policy that goes with it, from the settings. */
class ConsoleConfigTests {

    @Test
    void signsInAtTheServicesOwnIssuerUnlessToldAnother() {
        ConsoleConfig config = new ConsoleConfig(settings(null), "https://id.example.com/realms/shop/");

        assertThat(config.body().issuer()).isEqualTo("https://id.example.com/realms/shop");
        assertThat(config.body().clientId()).isEqualTo("stock-console");
        assertThat(config.contentSecurityPolicy()).contains("connect-src 'self' https://id.example.com;");

        ConsoleConfig other = new ConsoleConfig(settings("http://127.0.0.1:9000"), "https://internal:8443/shop");
        assertThat(other.body().issuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(other.contentSecurityPolicy()).contains("connect-src 'self' http://127.0.0.1:9000;");
    }

    @Test
    void withoutAnIssuerUriTheConsoleHasNoneToOffer() {
        ConsoleConfig config = new ConsoleConfig(settings(null), "");

        assertThat(config.body().issuer()).isNull();
        assertThat(config.contentSecurityPolicy()).contains("connect-src 'self';");
    }

    @Test
    void refusesAnIssuerThatIsNoUrl() {
        assertThatThrownBy(() -> settings("id.example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inventory.console.issuer");
    }

    private static ConsoleSettings settings(String issuer) {
        return new ConsoleSettings("stock-console", issuer, "inventory.read inventory.admin", null);
    }
}
