package io.minxin.gateway.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MongoDB of the key store.
 *
 * @param uri the MongoDB connection string shared by the services (no database in it)
 */
@ConfigurationProperties("minxin.mongodb")
record MongoSettings(
        @DefaultValue("mongodb://localhost:27017") String uri) {}
