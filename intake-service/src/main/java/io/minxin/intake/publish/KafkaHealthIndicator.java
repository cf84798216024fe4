package io.minxin.intake.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/** UP when the cluster answers a describeCluster within two seconds: intake is useless without Kafka. */
final class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, Object> adminConfig;
    private Admin admin;

    KafkaHealthIndicator(Map<String, Object> adminConfig) {
        super("Kafka health check failed");
        this.adminConfig = new HashMap<>(adminConfig);
        // with no broker reachable, re-bootstrapping spins; plain reconnect backoff is enough for a probe
        this.adminConfig.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis());
        return Mono.fromCompletionStage(
                        () -> admin().describeCluster(options).clusterId().toCompletionStage())
                .timeout(CHECK_TIMEOUT.plusSeconds(1))
                .doOnError(e -> closeAdmin())
                .map(clusterId ->
                        builder.up().withDetail("clusterId", clusterId).build());
    }

    /**
     * An admin client that cannot reach any broker keeps re-bootstrapping in a tight loop (and logs every
     * round); a fresh one per check costs one connection attempt per check instead.
     */
    private synchronized void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    /** Created on the first check, so that a service started before its broker does not fail to start. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public void destroy() {
        closeAdmin();
    }
}
