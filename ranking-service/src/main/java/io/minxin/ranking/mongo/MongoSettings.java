package io.minxin.ranking.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the service keeps its projections.
 *
 * @param uri connection string without a database ({@code minxin.mongodb.uri}, shared by every service)
 * @param database this service's own database
 */
@ConfigurationProperties("minxin.mongodb")
public record MongoSettings(String uri, String database) {}
