package io.minxin.gateway.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * A city's identity provider as far as the gateway sees it (OpenID Connect discovery, keys, token endpoint): a test
 * {@link #approve approves} a person for the code and nonce of a sign-in, and the token endpoint answers that code
 * with an ID token signed by the provider's key, or by another key when asked to forge.
 */
public final class FakeIdentityProvider implements AutoCloseable {
    public static final String CLIENT_ID = "minxin-console";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey forger;
    private final Map<String, Approval> approvals = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> tokenRequests = new ConcurrentHashMap<>();

    private record Approval(String username, String nonce, boolean forged) {}

    private FakeIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("city-1").generate();
            forger = new RSAKeyGenerator(2048).keyID("city-1").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
        server.createContext("/token", this::token);
        server.start();
    }

    public static FakeIdentityProvider start() {
        return new FakeIdentityProvider();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The provider lets {@code username} in: its token endpoint answers {@code code} with their ID token. */
    public void approve(String code, String username, String nonce) {
        approvals.put(code, new Approval(username, nonce, false));
    }

    /** As {@link #approve}, but the ID token is signed by a key that is not the provider's. */
    public void approveForged(String code, String username, String nonce) {
        approvals.put(code, new Approval(username, nonce, true));
    }

    /** The form the gateway posted to the token endpoint for {@code code}. */
    public Map<String, String> tokenRequest(String code) {
        return tokenRequests.get(code);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        json(exchange, 200, document);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String code = form.get("code");
        Approval approval = code == null ? null : approvals.remove(code);
        if (approval == null) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        tokenRequests.put(code, form);
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("city-person-" + approval.username())
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", approval.nonce())
                .claim("preferred_username", approval.username())
                .build();
        try {
            SignedJWT token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            token.sign(new RSASSASigner(approval.forged() ? forger : key));
            json(
                    exchange,
                    200,
                    Map.of(
                            "access_token",
                            "access-" + code,
                            "token_type",
                            "Bearer",
                            "expires_in",
                            300,
                            "scope",
                            "openid",
                            "id_token",
                            token.serialize()));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) {
        try (exchange) {
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
