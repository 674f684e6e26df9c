package com.example.inventory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole service on a random port against real PostgreSQL. Every test class uses the same settings, so they
 * share one application context (trusting {@link TestIssuer}'s key); tests keep out of each other's way by using their own SKUs and order ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestIssuer.PUBLIC_KEY)
@Import(TestcontainersConfiguration.class)
public @interface IntegrationTest {
}
