package io.minxin.e2e.support;

import io.minxin.demo.ExpectedTotals;
import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Expected and served figures in one comparable form (maps of counts), so an assertion names every count that
 * differs instead of the first one.
 */
public final class Figures {
    private static final String[] COUNTS = {
        "received", "concluded", "concludedOnTime", "visited", "satisfied", "excellent", "returns", "pushbacks"
    };

    /** The overview of both channels and of each, as expected. */
    public static Map<String, Map<String, Long>> overview(ExpectedTotals expected) {
        Map<String, Map<String, Long>> overview = new TreeMap<>();
        overview.put("total", summary(expected.total()));
        for (Channel channel : Channel.values()) {
            overview.put(channel.name(), summary(expected.overview(channel)));
        }
        return overview;
    }

    /** The overview a {@code GET /api/v1/overview} answered. */
    public static Map<String, Map<String, Long>> overview(JsonNode served) {
        Map<String, Map<String, Long>> overview = new TreeMap<>();
        overview.put("total", summary(served.path("total")));
        for (Channel channel : Channel.values()) {
            overview.put(channel.name(), summary(served.path("channels").path(channel.name())));
        }
        return overview;
    }

    /** Counts by {@code unitId|channel} of one channel, as expected (units with nothing counted left out). */
    public static Map<String, Map<String, Long>> units(ExpectedTotals expected, Channel channel) {
        Map<String, Map<String, Long>> units = new TreeMap<>();
        expected.byUnit().forEach((key, counts) -> {
            if (key.channel() == channel && !counts.equals(Counts.NONE)) {
                units.put(key.toString(), counts(counts));
            }
        });
        return units;
    }

    /** Counts by {@code unitId|channel} of a {@code GET /api/v1/units} answer. */
    public static Map<String, Map<String, Long>> units(JsonNode served) {
        Map<String, Map<String, Long>> units = new TreeMap<>();
        served.path("units")
                .forEach(row -> units.put(
                        row.path("unitId").asString() + "|"
                                + row.path("channel").asString(),
                        counts(row.path("counts"))));
        return units;
    }

    private static Map<String, Long> summary(ExpectedTotals.Overview overview) {
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("units", (long) overview.units());
        summary.putAll(counts(overview.counts()));
        return summary;
    }

    private static Map<String, Long> summary(JsonNode summary) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("units", summary.path("units").asLong(-1));
        values.putAll(counts(summary.path("counts")));
        return values;
    }

    public static Map<String, Long> counts(Counts counts) {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("received", counts.received());
        values.put("concluded", counts.concluded());
        values.put("concludedOnTime", counts.concludedOnTime());
        values.put("visited", counts.visited());
        values.put("satisfied", counts.satisfied());
        values.put("excellent", counts.excellent());
        values.put("returns", counts.returns());
        values.put("pushbacks", counts.pushbacks());
        return values;
    }

    /** The counts of a JSON object with the count fields (a unit row's or ranking row's {@code inputs}). */
    public static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : COUNTS) {
            values.put(name, counts.path(name).asLong(-1));
        }
        return values;
    }

    private Figures() {}
}
