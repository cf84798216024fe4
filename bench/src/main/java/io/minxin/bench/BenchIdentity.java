package io.minxin.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.minxin.events.identity.CallerToken;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark run's identity-token keys, made by the gateway jar's {@code IdentityKeys generate} as run.sh makes
 * them: every service started by the benchmarks verifies tokens with the public set, the gateway signs with the
 * private one, and a benchmark that calls a service directly sends a token it signed itself (one per benchmark, as
 * the gateway reuses its tokens).
 */
final class BenchIdentity {
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Path dir;
    private final ECKey signingKey;
    private final Map<String, String> bearers = new ConcurrentHashMap<>();

    private BenchIdentity(Path dir, ECKey signingKey) {
        this.dir = dir;
        this.signingKey = signingKey;
    }

    static BenchIdentity generate(Path repo, Path dir) throws IOException, InterruptedException {
        Path jar = repo.resolve("gateway/target/gateway-" + VERSION + "-exec.jar");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        jar.toString(),
                        "-Dloader.main=io.minxin.gateway.identity.IdentityKeys",
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        "generate",
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("IdentityKeys generate failed: " + output);
        }
        try {
            return new BenchIdentity(
                    dir,
                    JWKSet.load(dir.resolve("signing-keys.json").toFile())
                            .getKeys()
                            .get(0)
                            .toECKey());
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable signing keys in " + dir, e);
        }
    }

    /** What every service process gets: the gateway its signing keys, the others the public set. */
    Map<String, String> environment(String service) {
        return service.equals("gateway")
                ? Map.of(
                        "MINXIN_GATEWAY_IDENTITY_SIGNING_KEYS",
                        dir.resolve("signing-keys.json").toString())
                : Map.of(
                        "MINXIN_IDENTITY_PUBLIC_KEYS",
                        dir.resolve("public-keys.json").toUri().toString());
    }

    /**
     * {@code Bearer <token>} for a direct call to {@code service}, valid for two hours (a whole benchmark run); one
     * per role and service, as the gateway reuses its tokens, so the load generator does not sign per call.
     */
    String bearer(Role role, String service) {
        return bearers.computeIfAbsent(
                role.wireName() + " " + service, k -> "Bearer " + sign(role, service, Instant.now()));
    }

    private String sign(Role role, String service, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(CallerToken.ISSUER)
                .subject("benchmark")
                .audience(List.of(service))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                .claim(CallerToken.ROLE, role.wireName())
                .claim(CallerToken.SCOPE, Scope.ALL.wire())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(signingKey.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** CPU per operation on one thread of this JVM: what one signature and one verification cost on this machine. */
    record Costs(double signMicros, double verifyMicros) {}

    /**
     * Signs and verifies {@code n} tokens like the gateway's (after as many for the JIT): the cost of the token work
     * itself, on the machine and in the run whose per-call CPU it is compared with.
     */
    Costs measure(int n) throws JOSEException, ParseException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ECDSAVerifier verifier = new ECDSAVerifier(signingKey.toPublicJWK());
        String[] tokens = new String[n];
        for (int round = 0; round < 2; round++) {
            long before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                tokens[i] = sign(Role.DASHBOARD, "ranking-service", Instant.now());
            }
            long signed = threads.getCurrentThreadCpuTime();
            int valid = 0;
            for (String token : tokens) {
                valid += SignedJWT.parse(token).verify(verifier) ? 1 : 0;
            }
            long verified = threads.getCurrentThreadCpuTime();
            if (valid != n) {
                throw new IllegalStateException("a token of the measurement did not verify");
            }
            if (round == 1) {
                return new Costs((signed - before) / 1_000.0 / n, (verified - signed) / 1_000.0 / n);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
