package io.minxin.ranking.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.ExpectedTotals;
import io.minxin.events.Channel;
import io.minxin.events.state.Counts;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.ReferenceBulletin;
import io.minxin.ranking.engine.UnitPerformance;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Whether the engine's ordering is local, which a ranking per jurisdiction relies on: ranking a subset of the units
 * alone gives what the ranking of all units gives restricted to it ({@link RankingEngine#within}), rows, ranks
 * re-numbered within the subset (ties shared), scores, eligibility and the named lists (五佳, 红榜, 黑榜) alike. Held
 * for every policy shipped (the seed defaults of application.yml and the example city policies) on the seed inputs
 * (the reference bulletin's units), on demo months and on random counts of every field any policy reads.
 */
class RankingLocalityTest {
    private static final int SUBSETS_PER_INPUT = 150;

    @Test
    void givenEveryShippedPolicyAndTheSeedAndDemoInputs_whenASubsetIsRankedAlone_thenItIsTheFullRankingRestricted() {
        Map<String, List<UnitPerformance>> inputs = new LinkedHashMap<>();
        inputs.put("reference bulletin, phone", ReferenceBulletin.phoneUnits());
        inputs.put("reference bulletin, web", ReferenceBulletin.webUnits());
        for (long seed : new long[] {DemoMonth.DEFAULT_SEED, 1L, 2L}) {
            ExpectedTotals demo =
                    DemoMonth.generate(seed, YearMonth.of(2020, 9)).expected();
            for (Channel channel : Channel.values()) {
                inputs.put("demo " + seed + ", " + channel, demoUnits(demo, channel));
            }
        }
        Random random = new Random(18);
        int compared = 0;
        for (Map.Entry<String, RankingPolicy> policy : shippedPolicies().entrySet()) {
            for (Map.Entry<String, List<UnitPerformance>> input : inputs.entrySet()) {
                assertThat(input.getValue()).as(input.getKey()).hasSizeGreaterThan(3);
                Ranking all = RankingEngine.rank(policy.getValue(), input.getValue());
                for (Set<String> subset : subsets(input.getValue(), random)) {
                    assertLocal(
                            policy.getKey() + " on " + input.getKey(),
                            policy.getValue(),
                            all,
                            input.getValue(),
                            subset);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Property(tries = 300)
    void givenRandomCountsOfEveryField_whenASubsetIsRankedAlone_thenItIsTheFullRankingRestricted(
            @ForAll("units") List<UnitPerformance> units, @ForAll long seed) {
        Random random = new Random(seed);
        Set<String> subset = new HashSet<>();
        units.stream().filter(unit -> random.nextBoolean()).forEach(unit -> subset.add(unit.unitId()));
        for (Map.Entry<String, RankingPolicy> policy : shippedPolicies().entrySet()) {
            Ranking all = RankingEngine.rank(policy.getValue(), units);
            assertLocal(policy.getKey(), policy.getValue(), all, units, subset);
        }
    }

    @Provide
    Arbitrary<List<UnitPerformance>> units() {
        // small counts, so that ties, zero denominators, thresholds (minReceived, minCases, tiers) and bands all occur
        Arbitrary<Long> count = Arbitraries.longs().between(0, 12);
        return count.list().ofSize(9).list().ofMaxSize(14).map(draws -> {
            List<UnitPerformance> units = new ArrayList<>();
            for (int i = 0; i < draws.size(); i++) {
                List<Long> d = draws.get(i);
                long received = d.get(0) * 10 + d.get(1);
                long concluded = Math.min(received, d.get(1) * 10);
                long onTime = Math.min(concluded, d.get(2) * 10);
                long visited = Math.min(concluded, d.get(3));
                long satisfied = Math.min(visited, d.get(4));
                long excellent = Math.min(satisfied, d.get(5));
                long handled = received + d.get(6);
                long dispatched = received;
                Counts counts = new Counts(
                        received,
                        concluded,
                        onTime,
                        visited,
                        satisfied,
                        excellent,
                        d.get(6),
                        d.get(7) % 3,
                        null,
                        handled,
                        Math.min(handled, d.get(6)),
                        Math.min(concluded, d.get(8) % 4),
                        dispatched,
                        Math.min(dispatched, d.get(8) * 10));
                units.add(UnitPerformance.fromCounts("u" + i, "unit " + i, counts));
            }
            return units;
        });
    }

    private static void assertLocal(
            String what, RankingPolicy policy, Ranking all, List<UnitPerformance> units, Set<String> subset) {
        Predicate<String> members = subset::contains;
        Ranking alone = RankingEngine.rank(
                policy,
                units.stream().filter(unit -> members.test(unit.unitId())).toList());

        assertThat(RankingEngine.within(policy, all, members))
                .as("%s, subset %s", what, subset)
                .isEqualTo(alone);
    }

    /** The seed defaults of both channels and every example city policy. */
    private static Map<String, RankingPolicy> shippedPolicies() {
        Map<String, RankingPolicy> policies = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            policies.put("default " + channel, DefaultPoliciesTest.shipped(channel));
        }
        for (String city : List.of("beijing", "lianyungang", "yulin")) {
            policies.put(city, ExamplePolicies.read(city));
        }
        return policies;
    }

    private static List<UnitPerformance> demoUnits(ExpectedTotals demo, Channel channel) {
        return demo.byUnit().entrySet().stream()
                .filter(entry -> entry.getKey().channel() == channel)
                .map(entry -> UnitPerformance.fromCounts(
                        entry.getKey().unitId(), entry.getKey().unitId(), entry.getValue()))
                .toList();
    }

    /** Every unit alone, every unit left out, the empty set, and random subsets. */
    private static List<Set<String>> subsets(List<UnitPerformance> units, Random random) {
        List<String> ids = units.stream().map(UnitPerformance::unitId).toList();
        List<Set<String>> subsets = new ArrayList<>();
        subsets.add(Set.of());
        for (String id : ids) {
            subsets.add(Set.of(id));
            Set<String> others = new HashSet<>(ids);
            others.remove(id);
            subsets.add(others);
        }
        for (int i = 0; i < SUBSETS_PER_INPUT; i++) {
            Set<String> subset = new HashSet<>();
            ids.stream().filter(id -> random.nextBoolean()).forEach(subset::add);
            subsets.add(subset);
        }
        return subsets;
    }
}
