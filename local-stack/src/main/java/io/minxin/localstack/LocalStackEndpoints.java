package io.minxin.localstack;

/**
 * Where a running local stack listens.
 *
 * @param bootstrapServers Kafka {@code bootstrap.servers}
 * @param mongoUri MongoDB connection string without a database
 */
public record LocalStackEndpoints(String bootstrapServers, String mongoUri) {}
