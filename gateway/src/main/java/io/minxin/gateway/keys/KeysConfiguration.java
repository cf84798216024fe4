package io.minxin.gateway.keys;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KeySettings.class, MongoSettings.class, BootstrapKeySettings.class})
class KeysConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "minxin.gateway.keys.store", havingValue = "mongo", matchIfMissing = true)
    MongoClient gatewayMongoClient(MongoSettings mongo) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.uri()))
                .applicationName("minxin-gateway")
                .build());
    }

    @Bean
    @ConditionalOnProperty(name = "minxin.gateway.keys.store", havingValue = "mongo", matchIfMissing = true)
    ApiKeyStore mongoApiKeyStore(MongoClient client, KeySettings settings) {
        return new MongoApiKeyStore(client.getDatabase(settings.database()).getCollection(MongoApiKeyStore.COLLECTION));
    }

    @Bean
    @ConditionalOnProperty(name = "minxin.gateway.keys.store", havingValue = "memory")
    ApiKeyStore inMemoryApiKeyStore() {
        return new InMemoryApiKeyStore();
    }

    @Bean
    ApiKeyService apiKeyService(ApiKeyStore store, KeySettings settings) {
        return new ApiKeyService(
                store,
                new KeyCache(settings.cacheTtl(), settings.cacheSize(), System::nanoTime),
                new SecureRandom(),
                Clock.systemUTC());
    }

    @Bean
    BootstrapKeys bootstrapKeys(ApiKeyService keys, BootstrapKeySettings settings) {
        return new BootstrapKeys(keys, settings);
    }
}
