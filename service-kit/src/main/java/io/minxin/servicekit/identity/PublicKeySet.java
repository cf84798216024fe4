package io.minxin.servicekit.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's public keys, read from a JWK set resource and kept in memory. Read again when a token names a key
 * id not in the set (a rotation: the gateway signs with a new key first; at most once per {@link #UNKNOWN_KEY_GAP},
 * so tokens with made-up key ids cannot make the service read the file in a loop) and every {@code reloadInterval}
 * (a retired key stops verifying). Reading happens on boundedElastic, never on an event loop; a read that fails
 * keeps the keys the service has.
 */
final class PublicKeySet {
    private static final Logger log = LoggerFactory.getLogger(PublicKeySet.class);
    static final Duration UNKNOWN_KEY_GAP = Duration.ofSeconds(5);

    private final Resource resource;
    private final Duration reloadInterval;
    private final Clock clock;

    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private Snapshot current;
    /** Guarded by {@link #lock}: when a read was last started. */
    private Instant lastRead;
    /** Guarded by {@link #lock}: the read under way, shared by every request that waits for it. */
    private Mono<Snapshot> reading;

    record Snapshot(JWKSet keys, Instant readAt) {}

    /** Reads the set once, on the calling thread (at start-up): a service with no readable keys does not start. */
    PublicKeySet(Resource resource, Duration reloadInterval, Clock clock) {
        this.resource = resource;
        this.reloadInterval = reloadInterval;
        this.clock = clock;
        this.lastRead = clock.instant();
        this.current = new Snapshot(read(), lastRead);
        log.info("Identity token keys: {} key(s) from {}", current.keys().size(), resource.getDescription());
    }

    /** The keys that may have signed this token: the set's keys matching its header (key id, algorithm, curve). */
    Flux<JWK> keysFor(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        Snapshot seen = snapshot();
        Mono<Snapshot> fresh = isStale(seen) ? reload(seen) : Mono.just(seen);
        return fresh.flatMapMany(snapshot -> {
            List<JWK> keys = selector.select(snapshot.keys());
            return keys.isEmpty()
                    ? reload(snapshot).flatMapIterable(reloaded -> selector.select(reloaded.keys()))
                    : Flux.fromIterable(keys);
        });
    }

    Snapshot snapshot() {
        synchronized (lock) {
            return current;
        }
    }

    private boolean isStale(Snapshot snapshot) {
        return !clock.instant().isBefore(snapshot.readAt().plus(reloadInterval));
    }

    /**
     * Reads the set again unless another read has replaced {@code seen} already, one is under way, or the last
     * one started less than {@link #UNKNOWN_KEY_GAP} ago.
     */
    private Mono<Snapshot> reload(Snapshot seen) {
        synchronized (lock) {
            if (current != seen) {
                return Mono.just(current);
            }
            if (reading != null) {
                return reading;
            }
            Instant now = clock.instant();
            if (now.isBefore(lastRead.plus(UNKNOWN_KEY_GAP))) {
                return Mono.just(current);
            }
            lastRead = now;
            // started now and not cancelled with the request that started it: every waiting request gets its end
            reading = Mono.fromFuture(
                    Mono.fromCallable(this::read)
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(this::install)
                            .onErrorResume(failure -> Mono.just(keep(failure)))
                            .toFuture(),
                    true);
            return reading;
        }
    }

    private Snapshot install(JWKSet keys) {
        synchronized (lock) {
            if (!keys.toString().equals(current.keys().toString())) {
                log.info("Identity token keys: now {} key(s) from {}", keys.size(), resource.getDescription());
            }
            current = new Snapshot(keys, clock.instant());
            reading = null;
            return current;
        }
    }

    private Snapshot keep(Throwable failure) {
        synchronized (lock) {
            log.warn(
                    "Identity token keys: reading {} failed, keeping the {} key(s) read before: {}",
                    resource.getDescription(),
                    current.keys().size(),
                    failure.toString());
            reading = null;
            return current;
        }
    }

    private JWKSet read() {
        try (InputStream in = resource.getInputStream()) {
            JWKSet keys = JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (keys.isEmpty()) {
                throw new IllegalStateException(resource.getDescription() + " holds no keys");
            }
            // A service needs only the public half; a private key here means the wrong file was configured.
            if (keys.getKeys().stream().anyMatch(JWK::isPrivate)) {
                throw new IllegalStateException(resource.getDescription()
                        + " holds private keys: a service must be given the public key set, not the gateway's"
                        + " signing keys");
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity token keys from " + resource.getDescription(), e);
        } catch (ParseException e) {
            throw new IllegalStateException(resource.getDescription() + " is not a JWK set: " + e.getMessage(), e);
        }
    }
}
