package com.example.localauth;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * An OAuth2 authorization server for local runs only (Spring Security's authorization server, on the test classpath;
 * the packaged service holds none of it): the {@link LocalClient}s get signed JWT access tokens (RS256, a key made at
 * start-up) by the client-credentials grant, with {@code aud} = {@value #AUDIENCE}, {@code client_id}, {@code scope}
 * (space-separated) and a lifetime of {@link #TOKEN_LIFETIME}. The stock console ({@value #CONSOLE_CLIENT_ID}, a
 * public client) gets the same kind of token for a {@link LocalUser} who signs in at the login form, by the
 * authorization-code grant with PKCE.
 * <p>
 * Two ways to run it: inside the local run ({@code ./mvnw spring-boot:test-run}, on the service's own port, issuer
 * {@code http://localhost:<port>}), or on its own ({@link #start(int)}: the scripts and the tests that start the
 * packaged jar, which is given {@code --spring.security.oauth2.resourceserver.jwt.issuer-uri=<its issuer>}). Either
 * way it serves its metadata ({@code /.well-known/oauth-authorization-server}) and its key set
 * ({@code /oauth2/jwks}), so the service needs nothing but the issuer URI. Its endpoints have a chain of their own,
 * ordered first and matching them only; every other path is the service's.
 */
@Configuration(proxyBeanMethods = false)
public class LocalAuthorizationServer {

    public static final String AUDIENCE = "inventory";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** Where the issuer is set; the local run's default is {@code http://localhost:${server.port:8080}}. */
    public static final String ISSUER_PROPERTY = "local-authorization-server.issuer";
    /** The stock console's client id (a public client: authorization code with PKCE, no secret). */
    public static final String CONSOLE_CLIENT_ID = "stock-console";

    private static final Logger log = LoggerFactory.getLogger(LocalAuthorizationServer.class);

    private final String issuer;

    LocalAuthorizationServer(@Value("${" + ISSUER_PROPERTY + ":http://localhost:${server.port:8080}}") String issuer) {
        this.issuer = issuer;
    }

    /**
     * The endpoints: an authorization request from a browser that nobody has signed in to yet goes to the login form;
     * the metadata, key set and token endpoint answer the console from its own origin (CORS, local origins only).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) {
        return http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .cors(cors -> cors.configurationSource(localBrowserOrigins()))
                .build();
    }

    /** The login form ({@code /login}, Spring Security's own page) for the {@link LocalUser}s, and nothing else. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain loginFormFilterChain(HttpSecurity http) {
        return http.securityMatcher("/login")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .userDetailsService(new InMemoryUserDetailsManager(Arrays.stream(LocalUser.values())
                        .map(user -> User.withUsername(user.username()).password("{noop}" + user.password())
                                .authorities(user.scopes().toArray(String[]::new)).build())
                        .toList()))
                .build();
    }

    @Bean
    RegisteredClientRepository localClients() {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build();
        List<RegisteredClient> clients = new ArrayList<>(Arrays.stream(LocalClient.values())
                .map(client -> RegisteredClient.withId(client.id())
                        .clientId(client.id())
                        .clientSecret("{noop}" + client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(client.scopes()))
                        .tokenSettings(tokens)
                        .build())
                .toList());
        clients.add(console(tokens));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The stock console: a public client (its code runs in the browser, so it has no secret) that may only use the
     * authorization-code grant with PKCE (S256), redirecting to {@code /console/} on the loopback address, any port
     * (RFC 8252: the local run's 8080, the scripts' and tests' free ports), or on {@code localhost:8080} (the local
     * run's default address, which is matched exactly). No consent page: the users are the local ones.
     */
    private static RegisteredClient console(TokenSettings tokens) {
        return RegisteredClient.withId(CONSOLE_CLIENT_ID)
                .clientId(CONSOLE_CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1:8080/console/")
                .redirectUri("http://localhost:8080/console/")
                .scopes(scopes -> scopes.addAll(LocalUser.ADMIN.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();
    }

    /** The authorizations given, in memory; a user's only with the scopes the user holds ({@link UsersScopes}). */
    @Bean
    OAuth2AuthorizationService localAuthorizations() {
        return new UsersScopes(new InMemoryOAuth2AuthorizationService());
    }

    /** The console's origins in local runs: the loopback address and {@code localhost}, any port. */
    private static CorsConfigurationSource localBrowserOrigins() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(List.of("http://127.0.0.1:[*]", "http://localhost:[*]", "http://[::1]:[*]"));
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept"));
        cors.setMaxAge(Duration.ofMinutes(30));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    /** The service's audience instead of the client id (the default), the client's id, the scopes as one string. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> inventoryAccessTokens() {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(AUDIENCE))
                        .claim("client_id", context.getRegisteredClient().getClientId())
                        .claim("scope", String.join(" ", context.getAuthorizedScopes().stream().sorted().toList()));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> localSigningKey() {
        KeyPair keys = rsaKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().issuer(issuer).build();
    }

    /** One {@code curl} per client, before the service's "Ready on …" line (which is the last line of start-up). */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    void printTokenCommands(ApplicationReadyEvent event) {
        String tokenUrl = tokenUrl(issuer).toString();
        for (LocalClient client : LocalClient.values()) {
            log.info("Token for {}: {}", client.id(), client.curl(tokenUrl));
        }
        log.info("Stock console users ({}, public client): {}", CONSOLE_CLIENT_ID, Arrays.stream(LocalUser.values())
                .map(user -> user.username() + "/" + user.password() + " (" + String.join(" ", user.scopes()) + ")")
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static URI tokenUrl(String issuer) {
        return URI.create(issuer + "/oauth2/token");
    }

    /**
     * Starts the authorization server on its own, in this JVM, on {@code 127.0.0.1:port} (0: a free port), issuer
     * {@code http://127.0.0.1:<port>}; no database, none of the service's beans or settings.
     */
    public static Running start(int port) {
        int chosen = port;
        if (chosen == 0) {
            try (var socket = new java.net.ServerSocket(0)) {
                chosen = socket.getLocalPort();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String issuer = "http://127.0.0.1:" + chosen;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StandaloneAuthorizationServer.class)
                .properties("spring.config.name=local-authorization-server", "server.address=127.0.0.1",
                        "server.port=" + chosen, ISSUER_PROPERTY + "=" + issuer,
                        "spring.application.name=local-authorization-server", "spring.main.banner-mode=off",
                        "springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false")
                .run();
        log.info("Authorization server ready, issuer {}", issuer);
        return new Running(context, issuer);
    }

    private static Running shared;

    /** One authorization server for this whole JVM (the tests that start the jar), started on first use. */
    public static synchronized Running shared() {
        if (shared == null) {
            shared = start(0);
        }
        return shared;
    }

    /** A running standalone authorization server. */
    public record Running(ConfigurableApplicationContext context, String issuer) implements AutoCloseable {

        private static final java.util.Map<String, LocalTokens> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        public URI tokenUrl() {
            return LocalAuthorizationServer.tokenUrl(issuer);
        }

        /** Tokens of every {@link LocalClient} from this server, each fetched once and kept while valid. */
        public LocalTokens tokens() {
            return tokens.computeIfAbsent(issuer, key -> new LocalTokens(tokenUrl()));
        }

        /** The jar's command-line setting that makes it trust this issuer. */
        public String issuerUriProperty() {
            return "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer;
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
