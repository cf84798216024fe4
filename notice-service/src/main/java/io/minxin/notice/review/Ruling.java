package io.minxin.notice.review;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.decision.PushbackRuling.Verdict;
import java.time.Instant;

/**
 * The ruling that stands on a candidate: a {@link PushbackRuling} decision with who decided it, when and why.
 *
 * @param decisionId the decision
 * @param reason why, in the operator's words (a dismissal's reason; "申诉成立：…" when a dispute brought it)
 * @param disputeId the accepted dispute that brought it, or null
 */
public record Ruling(
        String decisionId,
        Verdict verdict,
        String candidateUnitId,
        String responsibleUnitId,
        String responsibleUnitName,
        String ruling,
        String reason,
        String decidedBy,
        String role,
        Instant decidedAt,
        String disputeId) {

    /** The ruling of a {@link PushbackRuling} decision. */
    public static Ruling of(Decision decision) {
        PushbackRuling body = (PushbackRuling) decision.body();
        return new Ruling(
                decision.id(),
                body.verdict(),
                body.candidateUnitId(),
                body.responsibleUnitId(),
                body.responsibleUnitName(),
                body.ruling(),
                decision.reason(),
                decision.decidedBy(),
                decision.role(),
                decision.decidedAt(),
                body.disputeId());
    }

    /**
     * A key whose order is {@link Decision#supersedes}'s: decidedAt (seconds and nanoseconds, zero-padded), then
     * the id; so that a store keeps the latest decision with one conditional write whatever order they come in.
     */
    public String order() {
        return order(decidedAt, decisionId);
    }

    public static String order(Instant at, String id) {
        // offset so that instants before 1970 sort too; nanos padded to 9 digits
        return String.format("%020d.%09d|%s", at.getEpochSecond() + 100_000_000_000L, at.getNano(), id);
    }
}
