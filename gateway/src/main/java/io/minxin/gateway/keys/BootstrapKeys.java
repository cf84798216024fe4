package io.minxin.gateway.keys;

import io.minxin.events.identity.Role;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/** Stores the bootstrap keys at start, waiting for the key store when it comes up after the gateway. */
final class BootstrapKeys implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapKeys.class);
    private static final Duration STORE_WAIT = Duration.ofMinutes(2);

    private record Bootstrap(String setting, String value, Role role) {}

    private final ApiKeyService keys;
    private final BootstrapKeySettings settings;

    BootstrapKeys(ApiKeyService keys, BootstrapKeySettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.just(
                        new Bootstrap("MINXIN_BOOTSTRAP_OPERATOR_KEY", settings.operatorKey(), Role.OPERATOR),
                        new Bootstrap("MINXIN_BOOTSTRAP_INTEGRATION_KEY", settings.integrationKey(), Role.INTEGRATION),
                        new Bootstrap("MINXIN_BOOTSTRAP_DASHBOARD_KEY", settings.dashboardKey(), Role.DASHBOARD))
                .filter(bootstrap ->
                        bootstrap.value() != null && !bootstrap.value().isBlank())
                .concatMap(bootstrap -> {
                    KeyToken token = KeyToken.parse(bootstrap.value())
                            .orElseThrow(() -> new IllegalStateException(bootstrap.setting()
                                    + " is not an API key: expected mx_<id>_<secret>, id 4-32 [a-z0-9],"
                                    + " secret 32-128 [A-Za-z0-9_-]"));
                    String name = "bootstrap-" + bootstrap.role().wireName();
                    return keys.bootstrap(token, name, Set.of(bootstrap.role()))
                            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                                    .maxBackoff(Duration.ofSeconds(10))
                                    .doBeforeRetry(retry -> log.warn(
                                            "Key store not ready for {}: {}",
                                            name,
                                            retry.failure().toString())));
                })
                .doOnNext(key -> {
                    if (key.revoked()) {
                        log.warn(
                                "Bootstrap key {} ({}) was revoked by an operator and stays revoked",
                                key.id(),
                                key.name());
                    } else {
                        log.info("Bootstrap key {} ({}) stored", key.id(), key.name());
                    }
                })
                .then()
                // an ApplicationRunner on the main thread: start-up, and readiness, wait until the keys are stored
                .block(STORE_WAIT);
    }
}
