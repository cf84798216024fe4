package io.minxin.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.e2e.support.Commands;
import io.minxin.e2e.support.DemoSeptember;
import io.minxin.e2e.support.DeployFiles;
import io.minxin.e2e.support.E2eSettings;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.PrometheusServer;
import io.minxin.e2e.support.Scrape;
import io.minxin.e2e.support.Service;
import io.minxin.e2e.support.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What can be checked of {@code deploy/} without Docker: the Prometheus config and rules pass promtool, a real
 * Prometheus scrapes every locally running service and loads the rules, and every metric the dashboards and
 * rules read is exposed by some service.
 */
@ExtendWith(MinxinExtension.class)
class DeployChecksIT {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final E2eSettings settings = E2eSettings.fromSystemProperties();
    private final DeployFiles deploy = new DeployFiles(settings.root());

    @Test
    void promtoolAcceptsTheConfigAndTheRules(Minxin minxin, @TempDir Path dir) {
        Path localConfig = deploy.writeLocalPrometheusConfig(dir, ports(minxin));

        Commands.Result original = Commands.run(List.of(
                PROMTOOL.toString(),
                "check",
                "config",
                deploy.prometheusConfig().toString()));
        Commands.Result local = Commands.run(List.of(PROMTOOL.toString(), "check", "config", localConfig.toString()));
        Commands.Result rules = Commands.run(
                List.of(PROMTOOL.toString(), "check", "rules", deploy.rules().toString()));

        assertThat(original.exitCode()).as(original.output()).isZero();
        assertThat(local.exitCode()).as(local.output()).isZero();
        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS: " + ruleCount() + " rules found");
    }

    @Test
    void prometheusScrapesEveryServiceAndEvaluatesEveryRule(Minxin minxin, @TempDir Path dir) {
        Path config = deploy.writeLocalPrometheusConfig(dir.resolve("config"), ports(minxin));

        try (PrometheusServer prometheus = PrometheusServer.start(
                config, dir.resolve("data"), settings.logs().resolve("prometheus.log"))) {
            await("every target up")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(targetHealth(prometheus))
                            .containsOnlyKeys(serviceNames())
                            .allSatisfy((service, health) ->
                                    assertThat(health).as(service).isEqualTo("up")));
            await("every rule loaded and evaluated")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        JsonNode groups = prometheus
                                .api()
                                .get("api/v1/rules")
                                .json()
                                .path("data")
                                .path("groups");
                        Map<String, Integer> loaded = new TreeMap<>();
                        List<String> unhealthy = new ArrayList<>();
                        groups.forEach(group -> {
                            loaded.put(
                                    group.path("name").asString(),
                                    group.path("rules").size());
                            group.path("rules").forEach(rule -> {
                                if (!rule.path("health").asString().equals("ok")) {
                                    unhealthy.add(rule.path("name").asString() + ": " + rule.path("health") + " "
                                            + rule.path("lastError"));
                                }
                            });
                        });
                        assertThat(loaded).isEqualTo(deploy.ruleGroups());
                        assertThat(unhealthy).isEmpty();
                    });
        }
    }

    @Test
    void everyMetricOfTheDashboardsAndRulesIsExposedByAService(Minxin minxin) {
        DemoSeptember.loadAndClose(minxin);
        Map<String, Set<String>> used = deploy.metricNames();

        Set<String> exposed = new HashSet<>();
        for (ServiceProcess service : minxin.services()) {
            exposed.addAll(Scrape.of(service).names());
        }

        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(exposed);
        assertThat(used).isNotEmpty();
        assertThat(missing)
                .as("metric names used in deploy/ that no service exposes")
                .isEmpty();
    }

    private Map<String, String> targetHealth(PrometheusServer prometheus) {
        Map<String, String> health = new TreeMap<>();
        prometheus
                .api()
                .get("api/v1/targets?state=active")
                .json()
                .path("data")
                .path("activeTargets")
                .forEach(target -> health.put(
                        target.path("labels").path("service").asString(),
                        target.path("health").asString()));
        return health;
    }

    private int ruleCount() {
        return deploy.ruleGroups().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Set<String> serviceNames() {
        Set<String> names = new TreeSet<>();
        for (Service service : Service.values()) {
            names.add(service.artifact());
        }
        return names;
    }

    private static Map<String, Integer> ports(Minxin minxin) {
        Map<String, Integer> ports = new TreeMap<>();
        minxin.services().forEach(service -> ports.put(service.service().artifact(), service.port()));
        return ports;
    }
}
