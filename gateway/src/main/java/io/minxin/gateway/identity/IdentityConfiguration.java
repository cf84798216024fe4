package io.minxin.gateway.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class IdentityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    SigningKeys signingKeys(IdentitySettings settings) {
        Path file = Path.of(settings.signingKeys());
        if (settings.generateIfMissing() && !Files.exists(file)) {
            try {
                log.info(IdentityKeys.generate(file, file.resolveSibling(IdentityKeys.PUBLIC_FILE)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the signing keys " + file, e);
            }
        }
        SigningKeys keys = SigningKeys.load(file);
        log.info("signing identity tokens with key {} from {}", keys.current().keyId(), file);
        return keys;
    }

    /** Checks the signing file for a rotation, off the event loops (it reads the file system). */
    @Bean(destroyMethod = "dispose")
    Disposable signingKeysReload(SigningKeys keys, IdentitySettings settings) {
        return Flux.interval(settings.reloadInterval(), settings.reloadInterval(), Schedulers.boundedElastic())
                .subscribe(tick -> keys.reloadIfChanged());
    }

    @Bean
    IdentityTokens identityTokens(SigningKeys keys, IdentitySettings settings, MeterRegistry meters) {
        Counter signed = Counter.builder("minxin.gateway.identity.tokens.signed")
                .description("Identity tokens signed (a token is reused for up to half its time to live)")
                .register(meters);
        return new IdentityTokens(keys, settings.tokenTtl(), Clock.systemUTC(), signed::increment);
    }

    @Bean
    RelayedTokens relayedTokens(SigningKeys keys) {
        return new RelayedTokens(keys);
    }

    @Bean
    IdentityTokenFilter identityTokenFilter(IdentityTokens tokens) {
        return new IdentityTokenFilter(tokens);
    }
}
