package com.example.opendoor;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's open door lets through what the service would refuse, and gives it the same claims. */
class UnverifiedJwtDecoderTests {

    private final UnverifiedJwtDecoder decoder = new UnverifiedJwtDecoder();

    @Test
    void decodesAnExpiredTokenOfAnUnknownKeyWithItsClaimsConvertedAsSpringSecurityDoes() throws Exception {
        Instant expired = Instant.parse("2020-01-01T00:00:00Z");
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer("http://nobody.example").audience("elsewhere").claim("client_id", "test-harness")
                .claim("scope", List.of("inventory.read", "inventory.order")).expirationTime(Date.from(expired))
                .build());
        token.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

        Jwt jwt = decoder.decode(token.serialize());

        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("test-harness");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("inventory.read", "inventory.order");
        assertThat(jwt.getExpiresAt()).isEqualTo(expired);
        assertThat(jwt.getAudience()).containsExactly("elsewhere");
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    }

    @Test
    void refusesWhatIsNotAToken() {
        assertThatThrownBy(() -> decoder.decode("not-a-token")).isInstanceOf(BadJwtException.class);
    }
}
