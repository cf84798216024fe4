package io.minxin.metrics.query;

import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import io.minxin.events.state.UnitMetrics;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The per-unit table of a period, sorted by any rate or count. Rows with nothing counted are left out;
 * rows whose sort value is null (no denominator) always come last, whatever the order.
 */
public record UnitTable(String period, Channel channel, String sort, String order, List<Row> units) {
    public static final String ASCENDING = "asc";
    public static final String DESCENDING = "desc";
    public static final String DEFAULT_SORT = "received";

    private static final Map<String, Function<Counts, Long>> COUNTS = Map.ofEntries(
            Map.entry("received", Counts::received),
            Map.entry("concluded", Counts::concluded),
            Map.entry("concludedOnTime", Counts::concludedOnTime),
            Map.entry("visited", Counts::visited),
            Map.entry("satisfied", Counts::satisfied),
            Map.entry("excellent", Counts::excellent),
            Map.entry("returns", Counts::returns),
            Map.entry("pushbacks", Counts::pushbacks),
            Map.entry("handled", Counts::handled),
            Map.entry("returnedCases", Counts::returnedCases),
            Map.entry("reopened", Counts::reopened),
            Map.entry("dispatched", Counts::dispatched),
            Map.entry("signedOnTime", Counts::signedOnTime),
            Map.entry("followedUp", Counts::followedUp),
            Map.entry("forwarded", Counts::forwarded),
            Map.entry("forwardedOnTime", Counts::forwardedOnTime),
            Map.entry("supervised", Counts::supervised),
            Map.entry("fedBack", Counts::fedBack));

    /**
     * @param jurisdiction the jurisdiction the unit belongs to at the end of the period, null when it is registered in
     *     none (a deployment of one district registers no unit)
     */
    public record Row(
            String unitId, String unitName, String jurisdiction, Channel channel, Counts counts, Rates rates) {}

    /**
     * A table whose rows name no jurisdiction.
     *
     * @param channel one channel, or null for both
     * @throws IllegalArgumentException for an unknown sort key or order
     */
    public static UnitTable of(
            String period, Channel channel, String sort, String order, Collection<UnitMetrics> metrics) {
        return of(period, channel, sort, order, metrics, unitId -> null);
    }

    /**
     * @param channel one channel, or null for both
     * @param jurisdictionOf a unit's jurisdiction at the end of the period (null: none)
     * @throws IllegalArgumentException for an unknown sort key or order
     */
    public static UnitTable of(
            String period,
            Channel channel,
            String sort,
            String order,
            Collection<UnitMetrics> metrics,
            Function<String, String> jurisdictionOf) {
        Comparator<Row> comparator = comparator(sort, order);
        List<Row> rows = metrics.stream()
                .filter(m -> channel == null || m.channel() == channel)
                .filter(m -> !m.counts().none())
                .map(m -> new Row(
                        m.unitId(), m.unitName(), jurisdictionOf.apply(m.unitId()), m.channel(), m.counts(), m.rates()))
                .sorted(comparator.thenComparing(Row::unitId).thenComparing(Row::channel))
                .toList();
        return new UnitTable(period, channel, sort, order, rows);
    }

    /** @throws IllegalArgumentException for an unknown sort key or order */
    public static void check(String sort, String order) {
        comparator(sort, order);
    }

    private static Comparator<Row> comparator(String sort, String order) {
        boolean descending;
        if (DESCENDING.equals(order)) {
            descending = true;
        } else if (ASCENDING.equals(order)) {
            descending = false;
        } else {
            throw new InvalidQuery("order", "must be asc or desc, was " + order);
        }
        Comparator<Double> direction = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        Comparator<String> textDirection = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        if (Rates.NAMES.contains(sort) || Rates.HANDLING.contains(sort)) {
            return Comparator.comparing(row -> row.rates().byName(sort), Comparator.nullsLast(direction));
        }
        Function<Counts, Long> count = COUNTS.get(sort);
        if (count != null) {
            return Comparator.comparing(
                    row -> count.apply(row.counts()).doubleValue(), Comparator.nullsLast(direction));
        }
        if ("unitId".equals(sort)) {
            return Comparator.comparing(Row::unitId, textDirection);
        }
        if ("unitName".equals(sort)) {
            return Comparator.comparing(Row::unitName, Comparator.nullsLast(textDirection));
        }
        throw new InvalidQuery(
                "sort",
                "cannot sort by " + sort + "; use a rate " + Rates.NAMES + " " + Rates.HANDLING + ", a count "
                        + COUNTS.keySet().stream().sorted().toList() + ", unitId or unitName");
    }
}
