package io.minxin.e2e.support;

import io.minxin.demo.ExpectedTotals;
import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.events.state.Rates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order the default policies of docs/design.md (section 6) give to a demo month's expected counts, computed here from the
 * counts alone: PHONE by 0.2·completion + 0.2·on-time + 0.2·satisfaction + 0.4·excellent, WEB by completion,
 * on-time, satisfaction, excellent in turn; a unit with an undefined rate after every unit without one; ties by
 * more received, then a shared rank (1, 1, 3).
 */
public final class ExpectedRanking {
    /** Scores closer than this are equal: the service may add the same terms in another order. */
    private static final double EPSILON = 1e-9;

    /** One place of a ranking. */
    public record Place(int rank, String unitId) {}

    private record Entry(String unitId, Counts counts, double[] key, boolean complete) {}

    /** The rows with {@code rank <= top}, tied units of the last place included, ordered by rank then unit. */
    public static List<Place> top(ExpectedTotals expected, Channel channel, int top) {
        return ranking(expected, channel).stream()
                .filter(place -> place.rank() <= top)
                .toList();
    }

    /** Every eligible unit (received at least one case in the channel), by rank then unit id. */
    public static List<Place> ranking(ExpectedTotals expected, Channel channel) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<ExpectedTotals.UnitKey, Counts> unit : expected.byUnit().entrySet()) {
            Counts counts = unit.getValue();
            if (unit.getKey().channel() != channel || counts.received() < 1) {
                continue;
            }
            Rates served = counts.rates();
            Double[] rates = {
                served.completionRate(), served.onTimeRate(), served.satisfactionRate(), served.excellentRate()
            };
            boolean complete = true;
            for (Double rate : rates) {
                complete &= rate != null;
            }
            double[] key = complete ? key(channel, rates) : new double[0];
            entries.add(new Entry(unit.getKey().unitId(), counts, key, complete));
        }
        Comparator<Entry> order = ExpectedRanking::compareRates;
        order = order.thenComparing(
                Comparator.comparingLong((Entry e) -> e.counts().received()).reversed());
        entries.sort(order.thenComparing(Entry::unitId));
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            boolean tiedWithPrevious = i > 0
                    && compareRates(entries.get(i - 1), entry) == 0
                    && entries.get(i - 1).counts().received() == entry.counts().received();
            int rank = tiedWithPrevious ? places.get(i - 1).rank() : i + 1;
            places.add(new Place(rank, entry.unitId()));
        }
        return places;
    }

    private static double[] key(Channel channel, Double[] rates) {
        if (channel == Channel.PHONE) {
            return new double[] {0.2 * rates[0] + 0.2 * rates[1] + 0.2 * rates[2] + 0.4 * rates[3]};
        }
        return new double[] {rates[0], rates[1], rates[2], rates[3]};
    }

    /** Better first: complete rates before incomplete ones, then the larger key. */
    private static int compareRates(Entry a, Entry b) {
        if (a.complete() != b.complete()) {
            return a.complete() ? -1 : 1;
        }
        if (!a.complete()) {
            return 0;
        }
        for (int i = 0; i < a.key().length; i++) {
            double difference = a.key()[i] - b.key()[i];
            if (Math.abs(difference) > EPSILON) {
                return difference > 0 ? -1 : 1;
            }
        }
        return 0;
    }

    private ExpectedRanking() {}
}
