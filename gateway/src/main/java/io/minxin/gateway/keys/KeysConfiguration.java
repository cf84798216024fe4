package io.minxin.gateway.keys;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.minxin.gateway.audit.AuditTrail;
import io.minxin.servicekit.kafka.KafkaClientSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    KeySettings.class,
    MongoSettings.class,
    BootstrapKeySettings.class,
    KeyEventSettings.class
})
class KeysConfiguration {
    private static final String EVENTS_ENABLED = "minxin.gateway.keys.events.enabled";
    /** How long start-up waits for the key-change follower to be in position. */
    private static final Duration FOLLOWER_START_WAIT = Duration.ofSeconds(10);

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
    KeyCache keyCache(KeySettings settings) {
        return new KeyCache(settings.cacheTtl(), settings.cacheSize(), System::nanoTime);
    }

    @Bean
    ApiKeyService apiKeyService(ApiKeyStore store, KeyCache cache, KeyEvents events) {
        return new ApiKeyService(store, cache, new SecureRandom(), Clock.systemUTC(), events);
    }

    /**
     * Plain kafka-clients rather than Spring Kafka: one idempotent producer and one group-less consumer with every
     * partition assigned is all the gateway needs, and without Boot's Kafka auto-configuration the gateway's health
     * does not hang on Kafka (it serves without it; revocations then take the cache's time to live).
     */
    @Bean
    @ConditionalOnProperty(name = EVENTS_ENABLED, havingValue = "true", matchIfMissing = true)
    KafkaKeyEvents kafkaKeyEvents(KafkaClientSettings kafka, KeyEventSettings settings, MeterRegistry registry) {
        int timeoutMs = (int) settings.publishTimeout().toMillis();
        Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "gateway-key-events");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // an operator is waiting for the answer: send at once, and give up within the publish timeout
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        return new KafkaKeyEvents(
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                settings.publishTimeout(),
                registry);
    }

    @Bean
    @ConditionalOnProperty(name = EVENTS_ENABLED, havingValue = "false")
    KeyEvents noKeyEvents() {
        return KeyEvents.NONE;
    }

    @Bean
    @ConditionalOnProperty(name = EVENTS_ENABLED, havingValue = "false")
    AuditTrail noAuditTrail() {
        return AuditTrail.NONE;
    }

    @Bean
    @ConditionalOnProperty(name = EVENTS_ENABLED, havingValue = "true", matchIfMissing = true)
    KeyChangeFollower keyChangeFollower(KafkaClientSettings kafka, KeyCache cache) {
        return new KeyChangeFollower(
                () -> {
                    Map<String, Object> config = new HashMap<>(kafka.clientProperties());
                    // no group.id: every instance reads every change, none commits offsets
                    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-key-changes-" + UUID.randomUUID());
                    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
                    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                    // the topics job creates the topic with its settings; a consumer must not create it otherwise
                    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
                    return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                },
                cache,
                FOLLOWER_START_WAIT);
    }

    @Bean
    BootstrapKeys bootstrapKeys(ApiKeyService keys, BootstrapKeySettings settings) {
        return new BootstrapKeys(keys, settings);
    }
}
