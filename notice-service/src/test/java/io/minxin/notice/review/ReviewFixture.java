package io.minxin.notice.review;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minxin.events.state.CaseState;
import io.minxin.notice.decisions.DecisionProjection;
import io.minxin.notice.notices.NoticeStore;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.pushback.CaseStateProjection;
import io.minxin.notice.pushback.PushbackDetector;
import io.minxin.notice.units.UnitDirectory;
import io.minxin.notice.units.UnitNames;
import io.minxin.servicekit.scope.Jurisdictions;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The 较差件 review over a database, as the service wires it, for tests of this and other packages. */
public final class ReviewFixture {
    public final Notices notices;
    public final NoticeStore noticeStore;
    public final UnitDirectory directory;
    public final Reviews reviews;
    private final ReviewProjection projection;

    public ReviewFixture(MongoDatabase database, Clock clock, ReviewSettings.Mode mode) {
        noticeStore = new NoticeStore(database, clock);
        notices = new Notices(noticeStore, List.of(), new SimpleMeterRegistry(), clock);
        directory = new UnitDirectory(database, clock);
        reviews = new Reviews(
                new ReviewStore(database),
                new ReviewSettings(mode, Map.of()),
                Jurisdictions.UNKNOWN,
                directory,
                notices);
        projection = new ReviewProjection(new PushbackDetector(2, 3, UnitNames.xinglongtai()), reviews);
    }

    public DecisionProjection decisions() {
        return projection;
    }

    public CaseStateProjection caseStates() {
        return projection;
    }

    /** The case-state consumer's part of the review: the candidate of the state, if any. */
    public void consume(CaseState state) {
        projection.apply(state).block();
    }
}
