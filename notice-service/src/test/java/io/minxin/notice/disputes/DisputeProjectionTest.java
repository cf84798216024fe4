package io.minxin.notice.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DisputeDecided;
import io.minxin.events.decision.DisputeFiled;
import io.minxin.events.decision.DisputeSubject;
import io.minxin.notice.decisions.Orders;
import io.minxin.notice.mongo.InMemoryMongo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A dispute's filing and decisions give the same dispute in any order, applied twice. */
class DisputeProjectionTest {
    static final Instant T = Instant.parse("2020-10-09T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DisputeStore store = new DisputeStore(mongo.database());
    private final DisputeProjection projection = new DisputeProjection(store);

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void givenTheFilingAndTwoDecisionsInAnyOrderTwiceThenTheLatestDecisionStands() {
        Decision filed = new Decision(
                "f",
                "2020-09",
                "unit-key",
                "dashboard",
                T,
                "理由",
                new DisputeFiled("d1", "c1", "u1", DisputeSubject.RETURN));
        Decision rejected = new Decision(
                "r",
                "2020-09",
                "op",
                "operator",
                T.plusSeconds(60),
                "不成立",
                new DisputeDecided("d1", "c1", "u1", false));
        Decision accepted = new Decision(
                "a", "2020-09", "op", "operator", T.plusSeconds(120), "成立", new DisputeDecided("d1", "c1", "u1", true));
        Dispute expected = new Dispute(
                "d1",
                "c1",
                "u1",
                DisputeSubject.RETURN,
                "2020-09",
                "理由",
                "unit-key",
                T,
                "f",
                new Dispute.Decided("a", true, "成立", "op", "operator", T.plusSeconds(120)));

        for (List<Decision> order : Orders.permutations(List.of(filed, rejected, accepted))) {
            Mono.from(mongo.database().getCollection("disputes").drop()).block();
            Orders.twice(order).forEach(decision -> projection.apply(decision).block());

            assertThat(store.byId("d1").block()).as("order %s", order).isEqualTo(expected);
            assertThat(store.byId("d1").block().status()).isEqualTo(DisputeStatus.ACCEPTED);
        }
    }
}
