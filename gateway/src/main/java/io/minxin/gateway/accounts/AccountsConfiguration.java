package io.minxin.gateway.accounts;

import com.mongodb.reactivestreams.client.MongoClient;
import io.minxin.gateway.audit.AuditTrail;
import io.minxin.gateway.identity.RelayedTokens;
import io.minxin.gateway.keys.KeySettings;
import io.minxin.gateway.web.Problems;
import io.minxin.gateway.web.Randomness;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import reactor.util.retry.Retry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountSettings.class)
class AccountsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AccountsConfiguration.class);
    static final String SESSION_COOKIE = "MINXIN_SESSION";
    /** bcrypt's work factor: about 0.1 s of one core per check on this project's reference machine. */
    private static final int BCRYPT_STRENGTH = 11;

    private static final Duration STORE_WAIT = Duration.ofMinutes(2);

    @Bean
    @ConditionalOnProperty(name = "minxin.gateway.keys.store", havingValue = "mongo", matchIfMissing = true)
    AccountStore mongoAccountStore(MongoClient client, KeySettings keys) {
        return new MongoAccountStore(client.getDatabase(keys.database()).getCollection(MongoAccountStore.COLLECTION));
    }

    @Bean
    @ConditionalOnProperty(name = "minxin.gateway.keys.store", havingValue = "memory")
    AccountStore inMemoryAccountStore() {
        return new InMemoryAccountStore();
    }

    @Bean
    Accounts accounts(AccountStore store, AccountSettings settings) {
        return new Accounts(
                store,
                new BCryptPasswordEncoder(BCRYPT_STRENGTH, Randomness.drbg()),
                settings,
                Randomness.drbg(),
                Clock.systemUTC());
    }

    @Bean
    ConsoleSessions consoleSessions(
            Accounts accounts,
            RelayedTokens relayed,
            Problems problems,
            AccountSettings settings,
            IdentityProviders providers,
            AccountAudit audit) {
        return new ConsoleSessions(accounts, relayed, problems, settings, Randomness.drbg(), providers, audit);
    }

    @Bean
    AccountAudit accountAudit(AuditTrail trail) {
        return new AccountAudit(trail, Clock.systemUTC());
    }

    /**
     * Sessions of the console only: the cookie is sent to {@code /console} paths alone, never read by script, never
     * on a request another site starts (SameSite=Strict), and over HTTPS only where the gateway is reached so.
     */
    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager(AccountSettings settings) {
        CookieWebSessionIdResolver ids = new CookieWebSessionIdResolver();
        ids.setCookieName(SESSION_COOKIE);
        ids.addCookieInitializer(cookie ->
                cookie.path("/console").httpOnly(true).sameSite("Strict").secure(settings.secureCookie()));
        InMemoryWebSessionStore store = new InMemoryWebSessionStore();
        DefaultWebSessionManager manager = new DefaultWebSessionManager();
        manager.setSessionIdResolver(ids);
        manager.setSessionStore(store);
        return manager;
    }

    /** The first operator's account, at the first start (its password from the environment, run.sh's data/). */
    @Bean
    ApplicationRunner bootstrapOperatorAccount(Accounts accounts, AccountSettings settings) {
        return args -> {
            String password = settings.bootstrapOperatorPassword();
            if (password == null || password.isBlank()) {
                return;
            }
            Boolean created = accounts.bootstrapOperator(password)
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                            .maxBackoff(Duration.ofSeconds(10))
                            .doBeforeRetry(retry -> log.warn(
                                    "Account store not ready for the operator's account: {}",
                                    retry.failure().toString())))
                    // an ApplicationRunner on the main thread: start-up waits until the first operator can sign in
                    .block(STORE_WAIT);
            log.info(
                    Boolean.TRUE.equals(created)
                            ? "Account operator created: sign in at /console/ with the password given to the gateway"
                            : "Account operator exists; its password stays as its owner set it");
        };
    }
}
