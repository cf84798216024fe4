package io.minxin.ranking.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service keeps its projections.
 *
 * @param uri connection string without a database ({@code minxin.mongodb.uri}, shared by every service)
 * @param database this service's own database
 */
@ConfigurationProperties("minxin.mongodb")
public record MongoSettings(
        @DefaultValue("mongodb://localhost:27017") String uri,
        @DefaultValue("minxin_ranking") String database) {}
