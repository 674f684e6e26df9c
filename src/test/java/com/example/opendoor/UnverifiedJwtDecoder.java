package com.example.opendoor;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

/**
 * What Spring Security's {@code NimbusJwtDecoder} does with a token, minus the checks: it parses the token (Nimbus
 * {@link JWTParser}) and converts its claims with the same default {@link MappedJwtClaimSetConverter}, so the
 * service's {@code Tokens} converter, scope checks and callers see the same {@link Jwt}; it skips the JWS processor
 * (algorithm and key selection from the issuer's JWK set, the RSA signature verification) and the token validators
 * (issuer, audience, expiry and not-before). Benchmark only: see the package's documentation.
 */
final class UnverifiedJwtDecoder implements JwtDecoder {

    private final Converter<Map<String, Object>, Map<String, Object>> claims =
            MappedJwtClaimSetConverter.withDefaults(Map.of());

    @Override
    public Jwt decode(String token) {
        try {
            JWT parsed = JWTParser.parse(token);
            Map<String, Object> headers = parsed.getHeader().toJSONObject();
            Map<String, Object> converted = claims.convert(parsed.getJWTClaimsSet().getClaims());
            return Jwt.withTokenValue(token).headers(h -> h.putAll(headers)).claims(c -> c.putAll(converted)).build();
        } catch (ParseException e) {
            throw new BadJwtException("Malformed token: " + e.getMessage(), e);
        }
    }
}
