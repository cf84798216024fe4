package io.minxin.intake.publish;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Two producer factories on the same {@code spring.kafka.*} settings: a shared idempotent producer for single
 * events, and a pool of transactional producers for batches (the factory hands each concurrent transaction its
 * own producer and takes it back on commit or abort).
 */
@Configuration(proxyBeanMethods = false)
class KafkaPublishConfiguration {
    /** Bounds shutdown when the broker is gone; the client's default waits 30 s per producer. */
    private static final int CLOSE_TIMEOUT_SECONDS = 5;

    private static final int TRANSACTION_BATCH_BYTES = 128 * 1024;

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> eventProducerFactory(
            KafkaProperties kafka, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        return producerFactory(kafka.buildProducerProperties(), customizers);
    }

    @Bean
    DefaultKafkaProducerFactory<String, byte[]> transactionalEventProducerFactory(
            KafkaProperties kafka,
            PublishProperties publish,
            ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        Map<String, Object> config = kafka.buildProducerProperties();
        // a transaction's records are all handed over at once and then flushed, so larger batches only mean
        // fewer produce requests (for the broker too); the 16 KiB default splits a batch of 1,000 events into
        // dozens of them
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, TRANSACTION_BATCH_BYTES);
        DefaultKafkaProducerFactory<String, byte[]> factory = producerFactory(config, customizers);
        factory.setTransactionIdPrefix(publish.transactionIdPrefix());
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> eventTemplate(
            @Qualifier("eventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> factory) {
        return template(factory);
    }

    @Bean
    KafkaTemplate<String, byte[]> transactionalEventTemplate(
            @Qualifier("transactionalEventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> factory) {
        return template(factory);
    }

    @Bean(destroyMethod = "dispose")
    Scheduler publishScheduler(PublishProperties publish) {
        return Schedulers.newBoundedElastic(publish.maxConcurrent(), publish.maxQueued(), "kafka-publish");
    }

    @Bean
    EventPublisher eventPublisher(
            @Qualifier("eventTemplate") KafkaTemplate<String, byte[]> eventTemplate,
            @Qualifier("transactionalEventTemplate") KafkaTemplate<String, byte[]> transactionalEventTemplate,
            @Qualifier("publishScheduler") Scheduler publishScheduler,
            PublishProperties publish) {
        return new KafkaEventPublisher(
                eventTemplate, transactionalEventTemplate, publishScheduler, publish.timeout(), publish.maxInFlight());
    }

    @Bean
    @ConditionalOnProperty(name = "minxin.intake.publish.warm-up", havingValue = "true", matchIfMissing = true)
    TransactionalProducerWarmUp transactionalProducerWarmUp(
            @Qualifier("transactionalEventProducerFactory") DefaultKafkaProducerFactory<String, byte[]> factory,
            @Qualifier("publishScheduler") Scheduler publishScheduler) {
        return new TransactionalProducerWarmUp(factory, publishScheduler);
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties());
    }

    private static DefaultKafkaProducerFactory<String, byte[]> producerFactory(
            Map<String, Object> config, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        // not negotiable by configuration: an acknowledged event must be on every in-sync replica, once
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        factory.setPhysicalCloseTimeout(CLOSE_TIMEOUT_SECONDS);
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    private static KafkaTemplate<String, byte[]> template(DefaultKafkaProducerFactory<String, byte[]> factory) {
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
        // minxin.intake.publish times whole publications; a timer per record would only add cost to big batches
        template.setMicrometerEnabled(false);
        return template;
    }
}
