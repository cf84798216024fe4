package io.minxin.gateway.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code minxin.mongodb.uri}: the MongoDB connection string shared by the services (no database in it). */
@ConfigurationProperties("minxin.mongodb")
record MongoSettings(String uri) {
    MongoSettings {
        uri = uri == null || uri.isBlank() ? "mongodb://localhost:27017" : uri;
    }
}
