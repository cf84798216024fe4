package io.minxin.ranking.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.state.Counts;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.UnitPerformance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The example policies shipped in {@code policies/examples/}, read as an operator's PUT would read them. */
final class ExamplePolicies {
    static RankingPolicy read(String city) {
        String resource = "/policies/examples/" + city + ".json";
        try (InputStream in = ExamplePolicies.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            PolicyReader.Result read =
                    PolicyReader.read(EventJson.mapper().readTree(in), Channel.PHONE, PolicyReader.Purpose.STORE);
            assertThat(read.violations()).as(resource).isEmpty();
            return read.policy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A unit of the given counts; handled and returned feed 回退率 (returned / handled), reopened 重办率 (reopened /
     * concluded).
     */
    static UnitPerformance unit(
            String unitId,
            long received,
            long concluded,
            long onTime,
            long visited,
            long satisfied,
            long handled,
            long returned,
            long reopened) {
        return UnitPerformance.fromCounts(
                unitId,
                unitId,
                new Counts(
                        received, concluded, onTime, visited, satisfied, 0, 0, 0, null, handled, returned, reopened));
    }

    /** A unit of the given counts that signed {@code signedOnTime} of {@code dispatched} cases in time (及时签收率). */
    static UnitPerformance signingUnit(
            String unitId,
            long dispatched,
            long signedOnTime,
            long concluded,
            long onTime,
            long visited,
            long satisfied) {
        return UnitPerformance.fromCounts(
                unitId,
                unitId,
                new Counts(
                        dispatched,
                        concluded,
                        onTime,
                        visited,
                        satisfied,
                        0,
                        0,
                        0,
                        null,
                        0,
                        0,
                        0,
                        dispatched,
                        signedOnTime));
    }

    private ExamplePolicies() {}
}
