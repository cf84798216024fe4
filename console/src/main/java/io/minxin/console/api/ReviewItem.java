package io.minxin.console.api;

import io.minxin.events.Channel;
import java.time.Instant;
import java.util.List;

/**
 * A 较差件 candidate as notice-service's review queue shows it ({@code GET /api/v1/reviews}).
 *
 * @param account the account generated from the case's events (情况说明 without a ruling)
 * @param explanation the account with the ruling, as the bulletin prints it
 * @param status PENDING, CONFIRMED, DISMISSED or REASSIGNED
 * @param ruling the ruling that stands, null when none
 */
public record ReviewItem(
        String caseId,
        String period,
        Channel channel,
        String title,
        String candidateUnitId,
        String candidateUnitName,
        List<Return> returns,
        Instant concludedAt,
        String account,
        String explanation,
        String status,
        String mode,
        String chargedUnitId,
        String chargedUnitName,
        Ruling ruling) {

    public ReviewItem {
        returns = returns == null ? List.of() : List.copyOf(returns);
    }

    /** One return (退件) that made the 推诿. */
    public record Return(String unitId, String reason, Instant occurredAt) {}

    /** Who decided what, when and why. */
    public record Ruling(
            String verdict,
            String responsibleUnitId,
            String responsibleUnitName,
            String ruling,
            String reason,
            String decidedBy,
            Instant decidedAt,
            String disputeId) {}

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
