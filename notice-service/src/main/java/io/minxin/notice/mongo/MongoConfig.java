package io.minxin.notice.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reactive MongoDB client; there is no Spring Data, every store maps its documents itself. */
@Configuration(proxyBeanMethods = false)
class MongoConfig {
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoSettings settings) {
        return MongoClients.create(settings.uri());
    }

    @Bean
    MongoDatabase noticeDatabase(MongoClient client, MongoSettings settings) {
        return client.getDatabase(settings.database());
    }
}
