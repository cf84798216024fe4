package io.minxin.notice.review;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.notice.Ruling;
import java.time.Instant;

/** The ruling a {@link PushbackRuling} decision makes, and the order in which rulings supersede each other. */
public final class Rulings {

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
    public static String order(Ruling ruling) {
        return order(ruling.decidedAt(), ruling.decisionId());
    }

    public static String order(Instant at, String id) {
        // offset so that instants before 1970 sort too; nanos padded to 9 digits
        return String.format("%020d.%09d|%s", at.getEpochSecond() + 100_000_000_000L, at.getNano(), id);
    }

    private Rulings() {}
}
