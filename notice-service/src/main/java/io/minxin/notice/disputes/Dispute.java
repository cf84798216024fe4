package io.minxin.notice.disputes;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.DisputeDecided;
import io.minxin.events.decision.DisputeFiled;
import io.minxin.events.decision.DisputeSubject;
import java.time.Instant;

/**
 * A dispute as collection {@code disputes} keeps it: its filing and the operator's decision, each a decision on
 * topic {@code decisions}, either of which a replay may bring first.
 *
 * @param unitId the unit that filed it
 * @param reason the unit's reason
 * @param filedBy the key that filed it
 * @param filingId the {@link DisputeFiled} decision
 * @param decision the operator's decision, null while open
 */
public record Dispute(
        String disputeId,
        String caseId,
        String unitId,
        DisputeSubject subject,
        String period,
        String reason,
        String filedBy,
        Instant filedAt,
        String filingId,
        Decided decision) {

    /**
     * The operator's decision on the dispute.
     *
     * @param reason the operator's reason
     */
    public record Decided(
            String decisionId, boolean accepted, String reason, String decidedBy, String role, Instant decidedAt) {
        static Decided of(Decision decision) {
            DisputeDecided body = (DisputeDecided) decision.body();
            return new Decided(
                    decision.id(),
                    body.accepted(),
                    decision.reason(),
                    decision.decidedBy(),
                    decision.role(),
                    decision.decidedAt());
        }
    }

    static Dispute filed(Decision decision) {
        DisputeFiled body = (DisputeFiled) decision.body();
        return new Dispute(
                body.disputeId(),
                body.caseId(),
                body.unitId(),
                body.subject(),
                decision.period(),
                decision.reason(),
                decision.decidedBy(),
                decision.decidedAt(),
                decision.id(),
                null);
    }

    /** OPEN until decided; shown in the API's JSON, never read from stored JSON (the decision decides it). */
    @JsonProperty(value = "status", access = JsonProperty.Access.READ_ONLY)
    public DisputeStatus status() {
        if (decision == null) {
            return DisputeStatus.OPEN;
        }
        return decision.accepted() ? DisputeStatus.ACCEPTED : DisputeStatus.REJECTED;
    }
}
