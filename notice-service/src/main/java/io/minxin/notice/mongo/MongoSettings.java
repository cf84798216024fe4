package io.minxin.notice.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service keeps its projections.
 *
 * @param uri connection string without a database
 * @param database the database this service owns
 */
@ConfigurationProperties("minxin.mongodb")
public record MongoSettings(
        @DefaultValue("mongodb://localhost:27017") String uri,
        @DefaultValue("minxin_notice") String database) {}
