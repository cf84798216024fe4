package io.minxin.ranking.policy;

import io.minxin.events.Channel;
import io.minxin.ranking.engine.RankingPolicy;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policies stored as version 1 of each channel when none is stored yet ({@code minxin.ranking.policies.PHONE},
 * {@code ...WEB}). Later versions come only from the API, so changing these defaults never rewrites a stored policy.
 */
@ConfigurationProperties("minxin.ranking")
record PolicyDefaults(Map<Channel, RankingPolicy> policies) {
    PolicyDefaults {
        policies = policies == null ? Map.of() : Map.copyOf(policies);
    }
}
