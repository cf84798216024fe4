package io.minxin.ranking.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoSettings.class)
class MongoConfig {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoSettings settings) {
        return MongoClients.create(settings.uri());
    }

    @Bean
    MongoDatabase rankingDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }
}
