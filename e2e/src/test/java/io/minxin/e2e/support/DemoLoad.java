package io.minxin.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoMonth;
import io.minxin.events.Channel;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Demo months through the gateway, and waiting until the services show what the generator expects. */
public final class DemoLoad {
    public static final int BATCH = 1000;
    private static final Duration SETTLE = Duration.ofMinutes(3);

    /** The demo month for {@code month} with the default seed. */
    public static DemoMonth month(YearMonth month) {
        return DemoMonth.generate(DemoMonth.DEFAULT_SEED, month);
    }

    /** An integration's feed through the gateway. */
    public static EventFeed feed(Minxin minxin) {
        return new EventFeed(minxin.gateway(), minxin.keys().integration());
    }

    public static Dashboard dashboard(Minxin minxin) {
        return new Dashboard(minxin.gateway(), minxin.keys().dashboard());
    }

    /** Waits until the overview of the month equals the expected totals. */
    public static void awaitOverview(Dashboard dashboard, DemoMonth demo) {
        Map<String, Map<String, Long>> expected = Figures.overview(demo.expected());
        await("overview of " + demo.month() + " equals the demo totals")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () -> assertThat(dashboard.overview(demo.month())).isEqualTo(expected));
    }

    /** Waits until both unit tables of the month equal the expected counts per unit. */
    public static void awaitUnits(Dashboard dashboard, DemoMonth demo) {
        for (Channel channel : Channel.values()) {
            Map<String, Map<String, Long>> expected = Figures.units(demo.expected(), channel);
            await("units of " + demo.month() + " " + channel + " equal the demo counts")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() ->
                            assertThat(dashboard.units(demo.month(), channel)).isEqualTo(expected));
        }
    }

    /**
     * Waits until ranking-service's live ranking of each channel ranks every unit on the expected counts, so a
     * close freezes the complete month.
     */
    public static void awaitRankingInputs(Dashboard dashboard, DemoMonth demo) {
        for (Channel channel : Channel.values()) {
            Map<String, Map<String, Long>> expected = new TreeMap<>();
            demo.expected().byUnit().forEach((key, counts) -> {
                if (key.channel() == channel && counts.received() > 0) {
                    expected.put(key.unitId(), Figures.counts(counts));
                }
            });
            await("ranking inputs of " + demo.month() + " " + channel + " equal the demo counts")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(rankedInputs(dashboard, demo.month(), channel))
                            .isEqualTo(expected));
        }
    }

    /** The inputs of every unit of a ranking with received > 0, ranked or not eligible, by unit id. */
    public static Map<String, Map<String, Long>> rankedInputs(Dashboard dashboard, YearMonth month, Channel channel) {
        Response response = dashboard.rankingResponse(month, channel, 1000);
        Map<String, Map<String, Long>> inputs = new TreeMap<>();
        if (response.status() != 200) {
            return inputs;
        }
        JsonNode ranking = response.json();
        for (String part : new String[] {"rows", "notEligible"}) {
            ranking.path(part).forEach(row -> {
                Map<String, Long> counts = Figures.counts(row.path("inputs").path("counts"));
                if (counts.get("received") > 0) {
                    inputs.put(row.path("unitId").asString(), counts);
                }
            });
        }
        return inputs;
    }

    private DemoLoad() {}
}
