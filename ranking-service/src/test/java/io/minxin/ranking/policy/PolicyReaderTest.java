package io.minxin.ranking.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.problem.FieldViolation;
import io.minxin.events.state.Rates;
import io.minxin.ranking.engine.Fact;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.Rate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PolicyReaderTest {

    @Test
    void readsAWeightedPolicyAndFillsTheDefaults() {
        PolicyReader.Result read = read("""
                {"effectiveFrom": "2020-10", "order": "WEIGHTED",
                 "weights": {"completionRate": 0.5, "excellentRate": 0.5},
                 "scoreView": {"base": 10, "bonuses": [{"fact": "EXCELLENT", "points": 0.02}]}}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(read.violations()).isEmpty();
        RankingPolicy policy = read.policy();
        assertThat(policy.channel()).isEqualTo(Channel.PHONE);
        assertThat(policy.weights()).containsEntry(Rate.COMPLETION, 0.5).containsEntry(Rate.EXCELLENT, 0.5);
        assertThat(policy.minReceived()).isEqualTo(1);
        assertThat(policy.top()).isEqualTo(5);
        assertThat(policy.tieBreaks()).containsExactly(RankingPolicy.TieBreak.RECEIVED);
        assertThat(policy.rateEstimator()).isEqualTo(RankingPolicy.RateEstimator.RAW);
        assertThat(policy.nullRates()).isEqualTo(RankingPolicy.NullRates.RANK_LAST);
        assertThat(policy.scoreView().bonuses())
                .containsExactly(new RankingPolicy.ScoreRule(Fact.EXCELLENT, 0.02, null));
    }

    @Test
    void listsEveryBadFieldAtOnce() {
        PolicyReader.Result read = read("""
                {"effectiveFrom": "2020-13", "order": "WEIGHTED", "minRecieved": 3, "top": 0,
                 "weights": {"completionRat": 0.2, "onTimeRate": -1},
                 "tieBreaks": ["RECEIVED", "RECEIVED"], "rateEstimator": "BAYES",
                 "scoreView": {"bonuses": [{"fact": "SMILES", "points": "many"}]}}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(read.valid()).isFalse();
        assertThat(read.violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder(
                        "minRecieved",
                        "effectiveFrom",
                        "weights.completionRat",
                        "weights.onTimeRate",
                        "tieBreaks[1]",
                        "top",
                        "rateEstimator",
                        "scoreView.base",
                        "scoreView.bonuses[0].fact",
                        "scoreView.bonuses[0].points");
        assertThat(message(read, "weights.completionRat"))
                .isEqualTo("unknown rate 'completionRat'; one of completionRate, onTimeRate, satisfactionRate,"
                        + " excellentRate, signInRate, validVisitRate, dispatchRate, feedbackRate");
    }

    @Test
    void ratesAreNamedAsTheReadApisShowThem() {
        String weights = String.join(
                ", ", Rates.NAMES.stream().map(name -> "\"" + name + "\": 1").toList());
        String rates = String.join(
                ", ", Rates.NAMES.stream().map(name -> "\"" + name + "\"").toList());

        PolicyReader.Result weighted = read(
                "{\"effectiveFrom\": \"2020-10\", \"order\": \"WEIGHTED\", \"weights\": {" + weights + "}}",
                Channel.PHONE,
                PolicyReader.Purpose.STORE);
        PolicyReader.Result lexicographic = read(
                "{\"effectiveFrom\": \"2020-10\", \"order\": \"LEXICOGRAPHIC\", \"rates\": [" + rates + "]}",
                Channel.WEB,
                PolicyReader.Purpose.STORE);

        assertThat(weighted.violations()).isEmpty();
        assertThat(weighted.policy().weights())
                .containsOnlyKeys(Rate.COMPLETION, Rate.ON_TIME, Rate.SATISFACTION, Rate.EXCELLENT);
        assertThat(lexicographic.violations()).isEmpty();
        assertThat(lexicographic.policy().rates())
                .containsExactly(Rate.COMPLETION, Rate.ON_TIME, Rate.SATISFACTION, Rate.EXCELLENT);
        assertThat(Rate.higherIsBetterNames())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(
                                Rates.NAMES.stream(),
                                java.util.stream.Stream.of(
                                        "signInRate", "validVisitRate", "dispatchRate", "feedbackRate"))
                        .toList());
        // the contract's list, which the console's form offers, names exactly the rates where more is better
        assertThat(java.util.Arrays.stream(Rate.values())
                        .filter(Rate::higherIsBetter)
                        .map(Rate::fieldName))
                .containsExactlyElementsOf(Rates.RANKABLE);
        assertThat(Rate.names())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(Rates.NAMES.stream(), Rates.HANDLING.stream())
                        .toList());
    }

    @Test
    void formerRateNamesAreStillReadForOneRelease() {
        PolicyReader.Result read = read("""
                {"effectiveFrom": "2020-10", "order": "WEIGHTED", "weights": {"COMPLETION": 0.5, "ON_TIME": 0.5}}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(read.violations()).isEmpty();
        assertThat(read.policy().weights()).containsEntry(Rate.COMPLETION, 0.5).containsEntry(Rate.ON_TIME, 0.5);
        assertThat(EventJson.mapper().valueToTree(read.policy()).get("weights").propertyNames())
                .containsExactlyInAnyOrder("completionRate", "onTimeRate");
    }

    @Test
    void orderNeedsItsOwnParameterAndRefusesTheOther() {
        PolicyReader.Result read = read("""
                {"effectiveFrom": "2020-10", "order": "LEXICOGRAPHIC", "weights": {"completionRate": 1}}
                """, Channel.WEB, PolicyReader.Purpose.STORE);

        assertThat(read.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("weights", "rates");
    }

    @Test
    void channelOfTheBodyMustMatchThePath() {
        PolicyReader.Result read = read("""
                {"channel": "WEB", "effectiveFrom": "2020-10", "order": "LEXICOGRAPHIC", "rates": ["completionRate"]}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(message(read, "channel")).isEqualTo("is WEB but the path names PHONE");
    }

    @Test
    void whatIfNeedsAChannelButNoEffectivePeriod() {
        PolicyReader.Result withoutChannel = read(
                "{\"order\": \"LEXICOGRAPHIC\", \"rates\": [\"completionRate\"]}", null, PolicyReader.Purpose.WHAT_IF);
        PolicyReader.Result withChannel = read(
                "{\"channel\": \"WEB\", \"order\": \"LEXICOGRAPHIC\", \"rates\": [\"completionRate\"]}",
                null,
                PolicyReader.Purpose.WHAT_IF);

        assertThat(withoutChannel.violations())
                .extracting(FieldViolation::field)
                .containsExactly("channel");
        assertThat(withChannel.valid()).isTrue();
        assertThat(withChannel.policy().effectiveFrom()).isNull();
    }

    @Test
    void storedPolicyReadsBackUnchanged() {
        RankingPolicy stored = read("""
                        {"effectiveFrom": "2020-10", "order": "LEXICOGRAPHIC", "rates": ["onTimeRate", "completionRate"],
                         "tieBreaks": ["FEWER_PUSHBACKS", "RECEIVED"], "top": 3, "nullRates": "NOT_ELIGIBLE",
                         "rateEstimator": "WILSON_LOWER_BOUND", "minReceived": 5, "description": "trial"}
                        """, Channel.WEB, PolicyReader.Purpose.STORE)
                .policy()
                .asVersion(Channel.WEB, 2, java.time.Instant.parse("2020-10-01T00:00:00Z"));

        PolicyReader.Result again =
                PolicyReader.read(EventJson.mapper().valueToTree(stored), Channel.WEB, PolicyReader.Purpose.STORE);

        assertThat(again.valid()).isTrue();
        assertThat(again.policy().asVersion(Channel.WEB, 2, stored.createdAt())).isEqualTo(stored);
    }

    @Test
    void givenBadIndicatorsTiersAndLists_whenRead_thenEachViolationNamesItsField() {
        PolicyReader.Result read = read("""
                {"effectiveFrom": "2027-01", "order": "WEIGHTED", "minReceived": 5,
                 "indicators": [
                   {"rate": "onTimeRate", "weight": 50, "scoring": "BANDS",
                    "bands": [{"from": 0, "points": 0}, {"from": 0.9, "points": 1}]},
                   {"rate": "returnRate", "weight": 30, "zeroAt": 0, "fullAt": 0.2},
                   {"rate": "satisfactionRate", "weight": 20, "scoring": "BANDS",
                    "bands": [{"from": 0.1, "points": 1}, {"from": 0.8, "points": 0.5}, {"from": 0.7, "points": 2}]},
                   {"rate": "onTimeRate", "weight": 1, "colour": "red", "minCases": 0}],
                 "adjustments": {"penalties": [{"fact": "PUSHBACK", "points": 1, "cap": -1}]},
                 "tiers": [{"name": "large", "minReceived": 50}, {"name": "large", "minReceived": 10}],
                 "lists": [{"name": "黑榜", "from": "BOTTOM", "size": 0}, {"name": "红榜", "from": "SIDE", "size": 5}]}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(read.violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder(
                        "indicators[1].fullAt",
                        "indicators[2].bands[0].from",
                        "indicators[2].bands[1].points",
                        "indicators[2].bands[2].from",
                        "indicators[3].colour",
                        "indicators[3].minCases",
                        "indicators[3].rate",
                        "adjustments.penalties[0].cap",
                        "tiers[1].name",
                        "tiers",
                        "lists[0].size",
                        "lists[1].from");
        assertThat(message(read, "indicators[2].bands[1].points"))
                .isEqualTo("must not be below the previous band's points (1.0): more satisfactionRate is better");
        assertThat(message(read, "indicators[1].fullAt"))
                .isEqualTo("must be below zeroAt (0.0): less returnRate is better (e.g. zeroAt 1, fullAt 0)");
    }

    @Test
    void givenAHandlingRateInWeights_whenRead_thenItIsRefusedForIndicators() {
        PolicyReader.Result read = read("""
                {"effectiveFrom": "2027-01", "order": "WEIGHTED", "weights": {"returnRate": 1}}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(message(read, "weights.returnRate")).startsWith("less returnRate is better");
    }

    @Test
    void givenTheSupervisionRate_whenRead_thenLessIsBetterAsForTheReturnRate() {
        PolicyReader.Result inWeights = read("""
                {"effectiveFrom": "2027-01", "order": "WEIGHTED", "weights": {"supervisionRate": 1}}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);
        PolicyReader.Result rising = read("""
                {"effectiveFrom": "2027-01", "order": "WEIGHTED",
                 "indicators": [{"rate": "supervisionRate", "weight": 10, "zeroAt": 0, "fullAt": 0.1}]}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);
        PolicyReader.Result falling = read("""
                {"effectiveFrom": "2027-01", "order": "WEIGHTED",
                 "indicators": [{"rate": "supervisionRate", "weight": 10, "zeroAt": 0.1, "fullAt": 0}]}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(message(inWeights, "weights.supervisionRate")).startsWith("less supervisionRate is better");
        assertThat(message(rising, "indicators[0].fullAt"))
                .isEqualTo("must be below zeroAt (0.0): less supervisionRate is better (e.g. zeroAt 1, fullAt 0)");
        assertThat(falling.violations()).isEmpty();
        assertThat(Rate.SUPERVISION.higherIsBetter()).isFalse();
    }

    @Test
    void givenWeightsAndIndicatorsOrAScoreViewAndAdjustments_whenRead_thenOnlyOneOfEachIsAccepted() {
        PolicyReader.Result read = read("""
                {"effectiveFrom": "2027-01", "order": "WEIGHTED", "weights": {"onTimeRate": 1},
                 "indicators": [{"rate": "onTimeRate", "weight": 1}],
                 "scoreView": {"base": 10}, "adjustments": {"bonuses": []}}
                """, Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(read.violations())
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("weights", "adjustments");
    }

    @Test
    void givenAPolicyOfTheFullLanguage_whenStoredAndReadBack_thenItIsUnchanged() {
        RankingPolicy stored = read("""
                        {"effectiveFrom": "2027-01", "order": "WEIGHTED",
                         "indicators": [
                           {"rate": "onTimeRate", "weight": 50, "scoring": "BANDS",
                            "bands": [{"from": 0, "points": 0}, {"from": 0.85, "points": 0.6}]},
                           {"rate": "reopenRate", "weight": 30, "zeroAt": 0.2, "fullAt": 0, "minCases": 10}],
                         "adjustments": {"bonuses": [{"fact": "EXCELLENT", "points": 0.1, "cap": 2}],
                                         "penalties": [{"fact": "PUSHBACK", "points": 1}]},
                         "tiers": [{"name": "大", "minReceived": 100}, {"name": "小", "minReceived": 1}],
                         "lists": [{"name": "红榜", "from": "TOP", "size": 5}, {"name": "黑榜", "from": "BOTTOM", "size": 5}]}
                        """, Channel.PHONE, PolicyReader.Purpose.STORE)
                .policy()
                .asVersion(Channel.PHONE, 2, java.time.Instant.parse("2027-01-01T00:00:00Z"));

        PolicyReader.Result again =
                PolicyReader.read(EventJson.mapper().valueToTree(stored), Channel.PHONE, PolicyReader.Purpose.STORE);

        assertThat(again.violations()).isEmpty();
        assertThat(again.policy().asVersion(Channel.PHONE, 2, stored.createdAt()))
                .isEqualTo(stored);
        assertThat(stored.indicators()).hasSize(2);
        assertThat(stored.adjustments().bonuses())
                .containsExactly(new RankingPolicy.ScoreRule(Fact.EXCELLENT, 0.1, 2.0));
    }

    @Test
    void bodyThatIsNotAnObjectIsRefused() {
        assertThat(read("[1, 2]", Channel.WEB, PolicyReader.Purpose.STORE).violations())
                .containsExactly(FieldViolation.of("", "must be a JSON object"));
    }

    private static PolicyReader.Result read(String json, Channel channel, PolicyReader.Purpose purpose) {
        JsonNode body = EventJson.mapper().readTree(json);
        return PolicyReader.read(body, channel, purpose);
    }

    private static String message(PolicyReader.Result read, String field) {
        List<FieldViolation> matching = read.violations().stream()
                .filter(violation -> violation.field().equals(field))
                .toList();
        assertThat(matching).hasSize(1);
        return matching.get(0).message();
    }
}
