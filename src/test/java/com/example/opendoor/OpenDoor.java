package com.example.opendoor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Imported as an auto-configuration (a lite configuration class: no {@code @Configuration}, see the package's
 * documentation) into the benchmark's open-door service only: replaces every {@link JwtDecoder} bean, whichever
 * configured it, by an {@link UnverifiedJwtDecoder}.
 */
public final class OpenDoor {

    /** The harness's copy of this package and its import file go here, under the benchmark's output directory. */
    public static final String IMPORTS = "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

    private static final Logger log = LoggerFactory.getLogger(OpenDoor.class);

    @Bean
    static BeanPostProcessor openDoorJwtDecoder() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof JwtDecoder && !(bean instanceof UnverifiedJwtDecoder)) {
                    log.warn("BENCHMARK OPEN DOOR: bean '{}' ({}) replaced; bearer tokens are decoded but neither "
                            + "their signature nor their issuer, audience or lifetime is checked", name,
                            bean.getClass().getName());
                    return new UnverifiedJwtDecoder();
                }
                return bean;
            }
        };
    }
}
