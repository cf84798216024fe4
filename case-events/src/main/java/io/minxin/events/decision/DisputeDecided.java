package io.minxin.events.decision;

import java.util.Objects;

/**
 * An operator accepts or rejects a dispute; the decision's reason says why. An accepted dispute changes the
 * numbers only through the decisions it brings with it (an {@link Exclusion} or a {@link PushbackRuling}, with
 * the same period and reason).
 *
 * @param disputeId the dispute
 * @param caseId its case
 * @param unitId the unit that filed it
 * @param accepted true: upheld (申诉成立)
 */
public record DisputeDecided(String disputeId, String caseId, String unitId, boolean accepted) implements DecisionBody {
    public static final String KIND = "dispute-decided";

    public DisputeDecided {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
    }

    @Override
    public String key() {
        return caseId;
    }
}
