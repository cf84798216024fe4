package io.minxin.notice.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.state.CaseState;
import io.minxin.notice.MutableClock;
import io.minxin.notice.decisions.Orders;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.pushback.CaseStates;
import io.minxin.notice.review.ReviewSettings.Mode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The review of a case depends on the set of its state and rulings, not on their order or repetition. */
class ReviewProjectionTest {
    static final String ZHIFA = ReviewTest.ZHIFA;
    static final Instant T = Instant.parse("2020-10-09T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ReviewFixture fixture = new ReviewFixture(mongo.database(), new MutableClock(T), Mode.REVIEW);

    @AfterEach
    void stop() {
        mongo.close();
    }

    static Decision ruling(String id, Instant at, Verdict verdict, String responsible) {
        return new Decision(
                id,
                "2020-09",
                "op",
                "operator",
                at,
                "",
                new PushbackRuling("614418", verdict, ZHIFA, responsible, null, "应由" + responsible + "处理"));
    }

    @Test
    void givenTheStateAndThreeRulingsInAnyOrderTwiceThenTheLatestRulingStandsOnTheCandidate() {
        CaseState state = CaseStates.of("614418", "盘锦市民反映食品安全问题")
                .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                .returned(ZHIFA, "无营业手续及食品安全问题均不在我局执法范围")
                .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                .concludedAfterPushback(ZHIFA)
                .state();
        Decision winner = ruling("b", T, Verdict.REASSIGNED, "xlt-xinglong");
        List<Object> inputs = List.of(
                state,
                winner,
                ruling("a", T, Verdict.CONFIRMED, ZHIFA),
                ruling("z", T.minusSeconds(60), Verdict.DISMISSED, null));
        Review expected = new Review("614418", "2020-09", ReviewTest.candidate614418(), Rulings.of(winner));

        for (List<Object> order : Orders.permutations(inputs)) {
            Mono.from(mongo.database().getCollection("reviews").drop()).block();
            for (Object input : Orders.twice(order)) {
                if (input instanceof CaseState each) {
                    fixture.caseStates().apply(each).block();
                } else {
                    fixture.decisions().apply((Decision) input).block();
                }
            }

            assertThat(fixture.reviews.review("614418").block())
                    .as("order %s", order)
                    .isEqualTo(expected);
        }
    }
}
