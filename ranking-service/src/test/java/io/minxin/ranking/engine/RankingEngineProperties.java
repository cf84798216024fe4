package io.minxin.ranking.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.ranking.RankingRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RankingEngineProperties {

    @Property(tries = 200)
    void rankingDoesNotDependOnTheOrderOfItsInput(@ForAll("units") List<UnitPerformance> units, @ForAll long seed) {
        List<UnitPerformance> shuffled = new ArrayList<>(units);
        Collections.shuffle(shuffled, new Random(seed));

        for (RankingPolicy policy : List.of(TestPolicies.weighted(), TestPolicies.lexicographic())) {
            assertThat(RankingEngine.rank(policy, shuffled)).isEqualTo(RankingEngine.rank(policy, units));
        }
    }

    @Property(tries = 200)
    void ranksStartAtOneAndSkipAfterSharedPlaces(@ForAll("units") List<UnitPerformance> units) {
        List<RankingRow> rows =
                RankingEngine.rank(TestPolicies.weighted(), units).rows();

        for (int i = 0; i < rows.size(); i++) {
            int rank = rows.get(i).rank();
            assertThat(rank).isBetween(1, i + 1);
            if (rank != i + 1) {
                assertThat(rows.get(i - 1).rank()).isEqualTo(rank);
            }
        }
    }

    @Provide
    Arbitrary<List<UnitPerformance>> units() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 6);
        return Combinators.combine(small, small, small, small, small)
                .as((received, late, unconcluded, visited, excellent) ->
                        List.of(received, late, unconcluded, visited, excellent))
                .list()
                .ofMaxSize(12)
                .map(RankingEngineProperties::toUnits);
    }

    private static List<UnitPerformance> toUnits(List<List<Integer>> draws) {
        List<UnitPerformance> units = new ArrayList<>();
        for (int i = 0; i < draws.size(); i++) {
            List<Integer> d = draws.get(i);
            long received = d.get(0) + d.get(2);
            long concluded = d.get(0);
            long onTime = Math.max(0, concluded - d.get(1));
            long visited = Math.min(concluded, d.get(3));
            long excellent = Math.min(visited, d.get(4));
            units.add(Units.counted("u" + i, received, concluded, onTime, visited, visited, excellent, 0, 0));
        }
        return units;
    }
}
