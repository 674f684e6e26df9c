package com.example.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The tests' token issuer: real RS256 tokens signed with a test-only key ({@code test-issuer/private.pem}) that the
 * service under test trusts ({@link #PUBLIC_KEY}), and every kind of bad token a caller could send.
 */
public final class TestIssuer {

    /** The key the service under test trusts, for a context in this JVM. */
    public static final String PUBLIC_KEY = "spring.security.oauth2.resourceserver.jwt.public-key-location="
            + "classpath:test-issuer/public.pem";

    public static final String READ = "inventory.read";
    public static final String ORDER = "inventory.order";
    public static final String ADMIN = "inventory.admin";

    /** The client every test speaks as unless it says otherwise: allowed everything. */
    public static final String TESTS = "tests";

    private static final RSAPrivateKey KEY = privateKey("test-issuer/private.pem");
    private static final RSAPrivateKey OTHER_KEY = privateKey("test-issuer/other-private.pem");

    private TestIssuer() {
    }

    /** A valid token for {@code client} with {@code scopes}, for an hour. */
    public static String token(String client, String... scopes) {
        return sign(claims(client, scopes).build(), KEY);
    }

    /** A token for everything, as the tests' own client. */
    public static String allScopes() {
        return token(TESTS, READ, ORDER, ADMIN);
    }

    /** The claims of a valid token: change one to make a bad one. */
    public static JWTClaimsSet.Builder claims(String client, String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(client)
                .claim("client_id", client)
                .audience(List.of("inventory"))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("scope", String.join(" ", scopes));
    }

    /** {@code claims} signed with the trusted key (RS256). */
    public static String signed(JWTClaimsSet claims) {
        return sign(claims, KEY);
    }

    /** {@code claims} signed with a key the service does not trust. */
    public static String wronglySigned(JWTClaimsSet claims) {
        return sign(claims, OTHER_KEY);
    }

    /** {@code claims} with {@code alg: none}, unsigned. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /**
     * {@code claims} signed with HS256 whose secret is the trusted public key's text: key confusion, which a service
     * that took the algorithm from the token would accept.
     */
    public static String hmacWithPublicKey(JWTClaimsSet claims) {
        try (InputStream in = new ClassPathResource("test-issuer/public.pem").getInputStream()) {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(in.readAllBytes()));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAPrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPrivateKey privateKey(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return RsaKeyConverters.pkcs8().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
