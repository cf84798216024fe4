package io.minxin.e2e.load;

import io.minxin.demo.DemoUnit;
import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.Cases;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.UnitMetricsWatch;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.state.UnitMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One unit that gets a new accepted case at a time: the n-th case is accepted (202) at a known moment, and a
 * {@code read_committed} reader of {@code unit-metrics} sees the unit's {@code received} reach n at another.
 * Freshness is the time between the two.
 */
final class FreshnessProbe {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Duration GIVE_UP = Duration.ofSeconds(10);

    private final Api gateway;
    private final String apiKey;
    private final String source;
    private final DemoUnit unit;
    private final YearMonth month;
    private final String key;
    private final Map<Integer, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<Integer, Long> seenAt = new ConcurrentHashMap<>();
    private int sent;

    FreshnessProbe(Api gateway, String apiKey, String source, DemoUnit unit, YearMonth month) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.source = source;
        this.unit = unit;
        this.month = month;
        this.key = UnitMetrics.key(unit.unitId(), Channel.PHONE, month.toString());
    }

    /** Accepts the next case; called from one thread at a time. Problems go to {@code errors}. */
    void acceptNext(Consumer<String> errors) {
        int n = sent + 1;
        try {
            Response response = gateway.post(
                    "api/v1/events", apiKey, "application/cloudevents+json", EventJson.toBytes(caseNumber(n)));
            if (response.status() == 202) {
                acceptedAt.put(n, System.nanoTime());
                sent = n;
            } else {
                errors.accept("probe " + n + ": " + response);
            }
        } catch (RuntimeException e) {
            errors.accept("probe " + n + ": " + e);
        }
    }

    /** Reads unit-metrics until {@code stillRunning} is false and every accepted case was seen (or given up on). */
    void watch(String bootstrap, Runnable ready, BooleanSupplier stillRunning) {
        try (UnitMetricsWatch watch = new UnitMetricsWatch(bootstrap, true)) {
            ready.run();
            while (stillRunning.getAsBoolean() || (seenAt.size() < acceptedAt.size() && !gaveUp())) {
                for (UnitMetricsWatch.Seen seen : watch.poll(Duration.ofMillis(50), key::equals)) {
                    int received = seen.value().path("counts").path("received").asInt();
                    for (int n = 1; n <= received; n++) {
                        seenAt.putIfAbsent(n, seen.polledAtNanos());
                    }
                }
            }
        }
    }

    int accepted() {
        return acceptedAt.size();
    }

    /** Freshness of every accepted case in nanoseconds, ascending; {@link Long#MAX_VALUE} for one never seen. */
    List<Long> freshness() {
        List<Long> freshness = new ArrayList<>();
        acceptedAt.forEach((n, accepted) -> {
            Long seen = seenAt.get(n);
            // seen before the 202 reached the client: as fresh as can be
            freshness.add(seen == null ? Long.MAX_VALUE : Math.max(0, seen - accepted));
        });
        Collections.sort(freshness);
        return freshness;
    }

    /**
     * Freshness over the run in windows of {@code window}, by when the case was accepted: one line per window with
     * its probes' median and maximum, so a stall shows when it happened and how long it lasted.
     */
    List<String> timeline(Duration window) {
        long start =
                acceptedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Map<Long, List<Long>> byWindow = new TreeMap<>();
        acceptedAt.forEach((n, accepted) -> {
            Long seen = seenAt.get(n);
            byWindow.computeIfAbsent((accepted - start) / window.toNanos(), w -> new ArrayList<>())
                    .add(seen == null ? Long.MAX_VALUE : Math.max(0, seen - accepted));
        });
        List<String> lines = new ArrayList<>();
        byWindow.forEach((w, values) -> {
            Collections.sort(values);
            lines.add(String.format(
                    "  +%4d s: %3d probes, p50 %5d ms, max %5d ms",
                    w * window.toSeconds(),
                    values.size(),
                    millis(values.get(values.size() / 2)),
                    millis(values.get(values.size() - 1))));
        });
        return lines;
    }

    private static long millis(long nanos) {
        return nanos == Long.MAX_VALUE ? -1 : nanos / 1_000_000;
    }

    private boolean gaveUp() {
        long last =
                acceptedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return System.nanoTime() - last > GIVE_UP.toNanos();
    }

    private CaseEvent caseNumber(int n) {
        String caseId = "load-probe-" + n;
        Instant at = month.atDay(1).atTime(8, 0).atZone(ZONE).toInstant().plusSeconds(n);
        return Cases.accepted(source, caseId, unit, Channel.PHONE, "探针诉求 " + n, at, at.plus(Duration.ofDays(5)));
    }
}
