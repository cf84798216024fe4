package io.minxin.events.decision;

import java.util.Objects;

/**
 * An operator's ruling on a 推诿 candidate (较差件): the candidate is the unit metrics-service found to have
 * returned the case and concluded it itself ({@code CaseState.confirmedPushback}). The latest ruling of a case
 * ({@link Decision#supersedes}) is the one that stands.
 *
 * @param caseId the case
 * @param verdict confirmed, dismissed (the decision's reason says why) or charged to another unit
 * @param candidateUnitId the unit the candidate named
 * @param responsibleUnitId the unit the 较差件 is charged to: the candidate's when confirmed, the named one when
 *     reassigned, null when dismissed
 * @param responsibleUnitName its name as the bulletin prints it, when known
 * @param ruling the ruling in the bulletin's voice (which unit should have handled it and why), e.g.
 *     该诉求实际问题为流动商贩问题，应由综合执法局处理; required unless dismissed
 * @param disputeId the dispute whose acceptance made this ruling (a dismissal), or null for an operator's own;
 *     optional in JSON
 */
public record PushbackRuling(
        String caseId,
        Verdict verdict,
        String candidateUnitId,
        String responsibleUnitId,
        String responsibleUnitName,
        String ruling,
        String disputeId)
        implements DecisionBody {
    public static final String KIND = "pushback-ruling";

    /** What the operator decided about the candidate. */
    public enum Verdict {
        CONFIRMED,
        DISMISSED,
        REASSIGNED
    }

    public PushbackRuling {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(verdict, "verdict");
        ruling = ruling == null ? "" : ruling;
    }

    /** A ruling of an operator's own, not brought by a dispute. */
    public PushbackRuling(
            String caseId,
            Verdict verdict,
            String candidateUnitId,
            String responsibleUnitId,
            String responsibleUnitName,
            String ruling) {
        this(caseId, verdict, candidateUnitId, responsibleUnitId, responsibleUnitName, ruling, null);
    }

    @Override
    public String key() {
        return caseId;
    }

    /** Whether the case enters table 3 (较差件) under this ruling. */
    public boolean poorCase() {
        return verdict != Verdict.DISMISSED;
    }
}
