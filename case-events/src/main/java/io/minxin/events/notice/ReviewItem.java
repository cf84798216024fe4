package io.minxin.events.notice;

import io.minxin.events.Channel;
import io.minxin.events.state.CaseState.Return;
import java.time.Instant;
import java.util.List;

/**
 * A 较差件 candidate as notice-service's review queue answers it ({@code GET /api/v1/reviews}, and the answer to
 * {@code POST /api/v1/reviews/{caseId}/ruling}), which the console reads.
 *
 * @param candidateUnitId the unit metrics-service found to have returned the case and concluded it itself
 * @param returns its returns that made the 推诿, oldest first
 * @param account the account generated from the events (情况说明 without a ruling)
 * @param explanation the account with the ruling, as the bulletin prints it
 * @param status PENDING, CONFIRMED (ruled, or automatically when {@code ruling} is null), DISMISSED, REASSIGNED
 * @param mode the review mode of the candidate's unit ({@code AUTOMATIC}, {@code REVIEW})
 * @param chargedUnitId the unit the 较差件 is (or, pending, would be) charged to; null when dismissed
 * @param ruling the ruling that stands, with who decided it, when and why; null when none
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
        ReviewStatus status,
        String mode,
        String chargedUnitId,
        String chargedUnitName,
        Ruling ruling) {

    public ReviewItem {
        returns = returns == null ? List.of() : List.copyOf(returns);
    }
}
