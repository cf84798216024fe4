package io.minxin.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.e2e.support.E2eSettings;
import io.minxin.e2e.support.Json;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs after every other test class of the run (order 9) and reads every line every service wrote to its log in
 * this run ({@code e2e/target/e2e-logs/*.log}): no API key, identity token, private signing key, webhook secret or
 * password may appear in any of them. Nothing is exempt: the launcher hands the bootstrap keys to the gateway in its
 * environment and the gateway logs only their ids, as run.sh writes them to {@code data/keys.env} and prints none.
 */
@Order(9)
@ExtendWith(MinxinExtension.class)
class SecretsInLogsIT {
    /** Any Minxin API key: {@code mx_<id>_<secret>}. */
    private static final Pattern API_KEY = Pattern.compile("mx_[a-z0-9]{4,32}_[A-Za-z0-9_-]{32,}");
    /** Any compact JWS (the identity token): base64url header and claims that are JSON objects, and a signature. */
    private static final Pattern JWS =
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,}");
    /** A private JWK's parameter. */
    private static final Pattern PRIVATE_JWK = Pattern.compile("\"d\"\\s*:\\s*\"");

    @Test
    void noSecretAppearsInAnyServiceLogLine(Minxin minxin) throws IOException {
        String webhookSecret = "e2e-webhook-secret-" + HexFormat.of().formatHex(random(16));
        subscribeAndUnsubscribe(minxin, webhookSecret);
        List<String> literals = new ArrayList<>(List.of(
                minxin.keys().operator(),
                minxin.keys().integration(),
                minxin.keys().dashboard(),
                minxin.keys().operatorPassword(),
                webhookSecret));
        literals.addAll(privateKeyParameters(minxin.signingKeys()));

        List<Path> logs;
        try (Stream<Path> files = Files.list(E2eSettings.fromSystemProperties().logs())) {
            logs = files.filter(file -> file.toString().endsWith(".log"))
                    .sorted()
                    .toList();
        }
        assertThat(logs).as("service logs of the run").isNotEmpty();

        List<String> found = new ArrayList<>();
        long lines = 0;
        for (Path log : logs) {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            lines += all.size();
            for (int i = 0; i < all.size(); i++) {
                String line = all.get(i);
                String what = secretIn(line, literals);
                if (what != null) {
                    found.add(log.getFileName() + ":" + (i + 1) + " " + what);
                }
            }
        }
        assertThat(lines).as("log lines read").isPositive();
        // the scan finds what it looks for: a line like the ones it passes would be reported
        assertThat(List.of(
                        "key " + minxin.keys().dashboard(),
                        "Authorization: Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJlMmUifQ.c2lnbmF0dXJlLW9mLWEtdG9rZW4",
                        "{\"kty\":\"EC\",\"d\":\"x\"}",
                        "secret " + webhookSecret))
                .allSatisfy(line -> assertThat(secretIn(line, literals))
                        .as(line.substring(0, 12))
                        .isNotNull());
        assertThat(found).as("log lines with a secret (file:line what)").isEmpty();
    }

    /** What kind of secret the line holds (never the secret itself, so the report is safe to print), or null. */
    private static String secretIn(String line, List<String> literals) {
        if (API_KEY.matcher(line).find()) {
            return "an API key";
        }
        if (JWS.matcher(line).find()) {
            return "a signed token";
        }
        if (PRIVATE_JWK.matcher(line).find()) {
            return "a private JWK";
        }
        for (String literal : literals) {
            if (line.contains(literal)) {
                return "a secret of this run (" + literal.length() + " characters)";
            }
        }
        return null;
    }

    /**
     * An operator subscribes a webhook with a secret of its own and deletes it again: the secret goes through the
     * gateway and notice-service (and the audit trail) and must reach no log. Refused (400) when the receiver's
     * address is not allowed; the refusal must not log it either.
     */
    private static void subscribeAndUnsubscribe(Minxin minxin, String secret) {
        Response created = minxin.gateway()
                .post(
                        "api/v1/subscriptions",
                        minxin.keys().operator(),
                        "application/json",
                        Json.write(Map.of(
                                        "name",
                                        "e2e secret check",
                                        "kind",
                                        "GENERIC",
                                        "url",
                                        minxin.webhooks().url(),
                                        "secret",
                                        secret,
                                        "types",
                                        List.of("BULLETIN_ISSUED")))
                                .getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.toString()).isIn(201, 400);
        if (created.status() == 201) {
            String id = created.json().path("id").asString();
            Response deleted = minxin.gateway()
                    .send(
                            "DELETE",
                            "api/v1/subscriptions/" + id,
                            Map.of("X-Api-Key", minxin.keys().operator()),
                            null);
            assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        }
    }

    /** The private parameters ({@code d}) of every key in the run's signing key file. */
    private static List<String> privateKeyParameters(Path signingKeys) {
        try {
            List<String> values = new ArrayList<>();
            Json.read(Files.readAllBytes(signingKeys))
                    .path("keys")
                    .forEach(key -> values.add(key.path("d").asString()));
            return values.stream().filter(value -> !value.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
