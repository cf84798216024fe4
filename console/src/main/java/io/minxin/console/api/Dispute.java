package io.minxin.console.api;

import java.time.Instant;

/**
 * A dispute (申诉) as notice-service shows it ({@code GET /api/v1/disputes}).
 *
 * @param subject PUSHBACK, RETURN, UNSATISFIED_VISIT, NOT_EXCELLENT_VISIT or LATE_CONCLUSION
 * @param reason the unit's reason
 * @param status OPEN, ACCEPTED or REJECTED
 * @param decision the operator's decision, null while open
 */
public record Dispute(
        String disputeId,
        String caseId,
        String unitId,
        String subject,
        String period,
        String reason,
        String filedBy,
        Instant filedAt,
        String status,
        Decided decision) {

    /** The operator's decision: upheld or not, and why. */
    public record Decided(boolean accepted, String reason, String decidedBy, Instant decidedAt) {}

    public boolean open() {
        return decision == null && (status == null || "OPEN".equals(status));
    }
}
