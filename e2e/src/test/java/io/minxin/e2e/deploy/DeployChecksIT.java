package io.minxin.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.DemoUnit;
import io.minxin.e2e.support.Cases;
import io.minxin.e2e.support.Commands;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.DemoSeptember;
import io.minxin.e2e.support.DeployFiles;
import io.minxin.e2e.support.E2eSettings;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.PrometheusServer;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.Scrape;
import io.minxin.e2e.support.Service;
import io.minxin.e2e.support.ServiceProcess;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Satisfaction;
import io.minxin.events.calendar.WorkingCalendar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Order;
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
@Order(1)
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

    /**
     * After the demo month (with a webhook subscribed, a period closed), one refused event and one case of the
     * current period (the rate gauges show the current period only), every metric the dashboards and rules read
     * is on some service's {@code /actuator/prometheus}.
     */
    @Test
    void everyMetricOfTheDashboardsAndRulesIsExposedByAService(Minxin minxin) {
        DemoSeptember.loadAndClose(minxin);
        Response refused = minxin.gateway()
                .post(
                        "api/v1/events/batch",
                        minxin.keys().integration(),
                        EventFeed.NDJSON,
                        "{\"specversion\":\"1.0\",\"id\":\"deploy-check-bad\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        DemoLoad.feed(minxin).send(EventFeed.lines(caseOfTheCurrentPeriod(), null), DemoLoad.BATCH);
        Map<String, Set<String>> used = deploy.metricNames();
        assertThat(used).isNotEmpty();

        await("every metric name of deploy/ exposed")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Set<String> exposed = new HashSet<>();
                    for (ServiceProcess service : minxin.services()) {
                        exposed.addAll(Scrape.of(service).names());
                    }
                    Map<String, Set<String>> missing = new TreeMap<>(used);
                    missing.keySet().removeAll(exposed);
                    assertThat(missing)
                            .as("metric names used in deploy/ that no service exposes")
                            .isEmpty();
                });
    }

    /**
     * One concluded and visited case of a demo unit, accepted an hour ago (or at the start of this period). It has
     * no {@code dueAt}: intake refuses any timestamp more than 24 h ahead, a deadline included.
     */
    private static List<CaseEvent> caseOfTheCurrentPeriod() {
        ZonedDateTime now = ZonedDateTime.now(WorkingCalendar.ZONE);
        Instant monthStart =
                YearMonth.from(now).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant accepted = now.toInstant().minus(Duration.ofHours(1));
        accepted = accepted.isBefore(monthStart) ? monthStart : accepted;
        String caseId = "deploy-check-" + UUID.randomUUID();
        DemoUnit unit = DemoUnit.GONGXIN;
        String source = DemoMonth.PHONE_SOURCE;
        return List.of(
                Cases.accepted(source, caseId, unit, Channel.PHONE, "部署检查诉求", accepted, null),
                Cases.concluded(source, caseId, unit, accepted.plusSeconds(60)),
                Cases.visited(source, caseId, unit, Satisfaction.SATISFIED, true, accepted.plusSeconds(120)));
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
