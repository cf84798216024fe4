package io.minxin.events.decision;

import java.util.Objects;

/**
 * A unit acknowledges a 提示函 addressed to it; the decision's reason may carry its reply.
 *
 * @param noticeId the letter (a {@code DUTY_LETTER} notice)
 * @param unitId the unit that acknowledged it (its key's scope)
 */
public record LetterAcknowledged(String noticeId, String unitId) implements DecisionBody {
    public static final String KIND = "letter-acknowledged";

    public LetterAcknowledged {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(unitId, "unitId");
    }

    @Override
    public String key() {
        return "letter|" + noticeId;
    }
}
