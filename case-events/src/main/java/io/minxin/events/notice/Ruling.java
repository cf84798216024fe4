package io.minxin.events.notice;

import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.decision.PushbackRuling.Verdict;
import java.time.Instant;

/**
 * The ruling that stands on a 较差件 candidate, as notice-service's review queue answers it (and keeps it): a
 * {@link PushbackRuling} decision with who decided it, when and why.
 *
 * @param decisionId the decision
 * @param reason why, in the operator's words (a dismissal's reason; "申诉成立：…" when a dispute brought it)
 * @param role the role of who decided it
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
        String disputeId) {}
