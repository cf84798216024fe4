package io.minxin.localstack;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Kafka and MongoDB in Docker containers, for machines with a Docker engine. */
final class ContainerStack implements SharedStack.Running {
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.0";
    private static final String MONGO_IMAGE = "mongo:8";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerStack(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static ContainerStack start() {
        // Same behaviour as the embedded broker: no topic appears by accident, first group join is immediate.
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        ContainerStack stack = new ContainerStack(kafka, mongo);
        try {
            kafka.start();
            mongo.start();
            TopicSetup.ensureTopics(kafka.getBootstrapServers(), 1);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    @Override
    public LocalStackEndpoints endpoints() {
        return new LocalStackEndpoints(kafka.getBootstrapServers(), mongo.getConnectionString());
    }

    @Override
    public LocalStack embedded() {
        return null;
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            mongo.stop();
        }
    }
}
