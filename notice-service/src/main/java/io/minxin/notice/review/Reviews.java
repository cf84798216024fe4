package io.minxin.notice.review;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.ReviewItem;
import io.minxin.events.notice.ReviewStatus;
import io.minxin.notice.notices.Notices;
import io.minxin.notice.pushback.PushbackCandidate;
import io.minxin.notice.review.ReviewSettings.Mode;
import io.minxin.notice.units.UnitDirectory;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 较差件 review: candidates from {@code case-state}, rulings from {@code decisions}, the mode of each unit's
 * jurisdiction ({@link ReviewSettings}); what table 3 of a period is, and the {@code PUSHBACK_CONFIRMED} notice of
 * each 较差件 once it is one (a notice is never taken back: a later dismissal leaves it, table 3 does not).
 */
@Service
public class Reviews {
    private static final String PUSHBACK = "推诿";

    private final ReviewStore store;
    private final ReviewSettings settings;
    private final Jurisdictions jurisdictions;
    private final UnitDirectory directory;
    private final Notices notices;

    public Reviews(
            ReviewStore store,
            ReviewSettings settings,
            Jurisdictions jurisdictions,
            UnitDirectory directory,
            Notices notices) {
        this.store = store;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
        this.directory = directory;
        this.notices = notices;
    }

    /** Table 3 of the period and its explanations: the confirmed and reassigned candidates, by conclusion. */
    public Mono<List<ReviewedPoorCase>> poorCases(String period) {
        return store.find(period)
                .filter(review -> review.poorCase(modeOf(review)))
                .map(review -> new ReviewedPoorCase(
                        review.caseId(),
                        review.candidate().title() == null
                                ? ""
                                : review.candidate().title(),
                        review.chargedUnitId(),
                        review.chargedUnitName(directory::name),
                        PUSHBACK,
                        review.explanation()))
                .collectList();
    }

    /** The review of a case, when it has a candidate or a ruling. */
    public Mono<Review> review(String caseId) {
        return store.byCase(caseId);
    }

    /** The review mode of the candidate's unit. */
    public Mode modeOf(Review review) {
        String unitId = review.candidate() != null
                ? review.candidate().unitId()
                : review.ruling() == null ? null : review.ruling().candidateUnitId();
        return settings.modeOf(unitId == null ? null : jurisdictions.of(unitId));
    }

    /** The candidates of a period (every period when null) a caller of {@code scope} may see, as the API shows them. */
    Flux<ReviewItem> items(String period, ReviewStatus status, String unitId, Scope scope, UnitAccess access) {
        return store.find(period)
                .filter(review -> status == null || review.status(modeOf(review)) == status)
                .filter(review -> unitId == null || concerns(review, unitId))
                .filter(review -> scope.isAll()
                        || access.covers(scope, review.candidate().unitId())
                        || access.covers(scope, review.chargedUnitId()))
                .map(this::item);
    }

    private static boolean concerns(Review review, String unitId) {
        return unitId.equals(review.candidate().unitId()) || unitId.equals(review.chargedUnitId());
    }

    ReviewItem item(Review review) {
        PushbackCandidate candidate = review.candidate();
        Mode mode = modeOf(review);
        return new ReviewItem(
                review.caseId(),
                review.period(),
                candidate.channel(),
                candidate.title(),
                candidate.unitId(),
                candidate.unitName() != null
                        ? candidate.unitName()
                        : directory.name(candidate.unitId()).orElse(null),
                candidate.returns(),
                candidate.concludedAt(),
                candidate.account(),
                review.explanation(),
                review.status(mode),
                mode.name(),
                review.chargedUnitId(),
                review.chargedUnitName(directory::name),
                review.ruling());
    }

    /** A candidate from {@code case-state}: stored, and its notice raised if it is a 较差件 already. */
    Mono<Void> candidate(PushbackCandidate candidate) {
        return store.putCandidate(candidate).flatMap(this::notify);
    }

    /** A ruling decision: stored unless a newer one stands, then the notice the review now justifies. */
    Mono<Void> ruling(Decision decision) {
        PushbackRuling body = (PushbackRuling) decision.body();
        return store.putRuling(body.caseId(), decision.period(), Rulings.of(decision))
                .then(store.byCase(body.caseId()))
                .flatMap(this::notify);
    }

    private Mono<Void> notify(Review review) {
        if (review.candidate() == null) {
            return Mono.empty();
        }
        return Mono.justOrEmpty(review.confirmationNotice(modeOf(review), directory::name))
                .flatMap(notices::emit)
                .then();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        // start-up, on the main thread: the index exists before the service reports ready
        store.ensureIndexes().block(Duration.ofSeconds(30));
    }
}
