package io.minxin.notice.review;

import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.ReviewStatus;
import io.minxin.events.notice.Ruling;
import io.minxin.notice.pushback.PushbackCandidate;
import io.minxin.notice.review.ReviewSettings.Mode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One case under 较差件 review: the candidate from {@code case-state} and the ruling that stands, each of which may
 * arrive first. Plain Java: what the case's status, charged unit, explanation and notice are follows from these
 * two and the review mode.
 *
 * @param candidate null while only a ruling is known (a replay may bring the decision before the case)
 * @param ruling null while no operator ruled
 */
public record Review(String caseId, String period, PushbackCandidate candidate, Ruling ruling) {

    /** The review with {@code next} standing if it is newer than the ruling that stands ({@link Rulings#order}). */
    public Review ruled(Ruling next) {
        if (ruling != null && Rulings.order(ruling).compareTo(Rulings.order(next)) >= 0) {
            return this;
        }
        return new Review(caseId, period, candidate, next);
    }

    public Review withCandidate(PushbackCandidate next) {
        return new Review(caseId, next.period(), next, ruling);
    }

    public ReviewStatus status(Mode mode) {
        if (ruling == null) {
            return mode == Mode.AUTOMATIC ? ReviewStatus.CONFIRMED : ReviewStatus.PENDING;
        }
        return switch (ruling.verdict()) {
            case CONFIRMED -> ReviewStatus.CONFIRMED;
            case DISMISSED -> ReviewStatus.DISMISSED;
            case REASSIGNED -> ReviewStatus.REASSIGNED;
        };
    }

    /**
     * The unit the 较差件 is charged to, or would be (a pending candidate's unit); null when dismissed or while the
     * candidate is unknown.
     */
    public String chargedUnitId() {
        if (candidate == null) {
            return null;
        }
        if (ruling == null) {
            return candidate.unitId();
        }
        return switch (ruling.verdict()) {
            case DISMISSED -> null;
            case REASSIGNED -> ruling.responsibleUnitId();
            case CONFIRMED -> candidate.unitId();
        };
    }

    /**
     * The charged unit's name as table 3 prints it: the ruling's name for a reassigned one, else the candidate's
     * full name; {@code directory} (and then the id) where neither is known.
     */
    public String chargedUnitName(Function<String, Optional<String>> directory) {
        String unitId = chargedUnitId();
        if (unitId == null) {
            return null;
        }
        String known = ruling != null && ruling.verdict() == Verdict.REASSIGNED
                ? ruling.responsibleUnitName()
                : candidate.unitName();
        if (known != null && !known.isBlank()) {
            return known;
        }
        return directory.apply(unitId).orElse(unitId);
    }

    /** The account generated from the events with the ruling inserted before the conclusion. */
    public String explanation() {
        return candidate.explanation(ruling == null || ruling.verdict() == Verdict.DISMISSED ? "" : ruling.ruling());
    }

    /** Whether the case is in table 3 under {@code mode}: a known candidate, confirmed or reassigned. */
    public boolean poorCase(Mode mode) {
        if (candidate == null) {
            return false;
        }
        ReviewStatus status = status(mode);
        return status == ReviewStatus.CONFIRMED || status == ReviewStatus.REASSIGNED;
    }

    /**
     * The {@code PUSHBACK_CONFIRMED} notice the review justifies under {@code mode}: for a confirmed or reassigned
     * candidate, naming the charged unit. An automatically confirmed candidate gets the notice the 推诿 detector
     * has always raised; a ruling's notice carries the ruling in its text.
     */
    public Optional<Notice> confirmationNotice(Mode mode, Function<String, Optional<String>> directory) {
        if (!poorCase(mode)) {
            return Optional.empty();
        }
        String unitId = chargedUnitId();
        if (ruling == null) {
            return Optional.of(candidate.confirmedNotice(unitId, candidate.unitName(), explanation()));
        }
        Notice notice = candidate.confirmedNotice(unitId, chargedUnitName(directory), explanation());
        Map<String, Object> facts = new LinkedHashMap<>(notice.facts());
        facts.put("verdict", ruling.verdict().name());
        facts.put("ruling", ruling.ruling());
        facts.put("decisionId", ruling.decisionId());
        return Optional.of(new Notice(
                notice.id(),
                notice.type(),
                notice.period(),
                notice.unitId(),
                notice.unitName(),
                notice.caseId(),
                notice.channel(),
                notice.title(),
                notice.text(),
                facts,
                notice.occurredAt()));
    }
}
