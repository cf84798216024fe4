package io.minxin.notice.issue;

import io.minxin.notice.bulletin.BulletinChanges;
import io.minxin.notice.bulletin.BulletinComposer;
import io.minxin.notice.bulletin.BulletinProperties;
import io.minxin.notice.bulletin.BulletinRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bulletin package's composer and differ (with the configured texts) and renderer as beans. */
@Configuration(proxyBeanMethods = false)
class IssueConfig {
    @Bean
    BulletinComposer bulletinComposer(BulletinProperties properties) {
        return new BulletinComposer(properties.bulletinTexts());
    }

    @Bean
    BulletinChanges bulletinChanges(BulletinProperties properties) {
        return new BulletinChanges(properties.bulletinTexts());
    }

    @Bean
    BulletinRenderer bulletinRenderer() {
        return new BulletinRenderer();
    }
}
