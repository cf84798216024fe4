package io.minxin.metrics.projection;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.minxin.metrics.MongoProperties;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

    /** Short server selection and connect timeouts: an unreachable MongoDB must become a 503 quickly. */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties) {
        long timeout = properties.timeout().toMillis();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(timeout, TimeUnit.MILLISECONDS))
                .build());
    }

    @Bean
    MongoDatabase metricsDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database());
    }
}
