package io.minxin.notice.pushback;

import io.minxin.events.Channel;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.state.CaseState.Return;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A 较差件 candidate: a case metrics-service found to be a confirmed 推诿 ({@code CaseState.confirmedPushback}),
 * with what its account in the bulletin is written from. Whether it enters table 3 is the review's decision.
 *
 * @param unitId the unit that returned the case and concluded it itself
 * @param unitName its full name when the case was last assigned to it (may be null)
 * @param shortName its name as the bulletin's explanations write it (振兴街道)
 * @param returns its returns that made the 推诿, oldest first
 * @param concludedAt the conclusion
 */
public record PushbackCandidate(
        String caseId,
        String period,
        Channel channel,
        String title,
        String unitId,
        String unitName,
        String shortName,
        List<Return> returns,
        Instant concludedAt) {
    public PushbackCandidate {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(unitId, "unitId");
        returns = returns == null ? List.of() : List.copyOf(returns);
    }

    /** The account generated from the events, e.g. 振兴街道三次均以“请分派至住建部门”为由退件. */
    public String account() {
        return shortName + PushbackTexts.returnedFor(reasons());
    }

    /**
     * The explanation of the 较差件: the account, the ruling (if any), then who concluded it, e.g.
     * 综合执法局以“…”为由退件，该诉求实际问题为流动商贩问题，应由综合执法局处理，目前该案件已由综合执法局结案。
     *
     * @param ruling the operator's ruling in the bulletin's voice; blank for none
     */
    public String explanation(String ruling) {
        String inserted = PushbackTexts.clause(ruling);
        return PushbackTexts.explanation(shortName, reasons(), shortName, inserted);
    }

    List<String> reasons() {
        return returns.stream().map(Return::reason).toList();
    }

    /**
     * The {@code PUSHBACK_CONFIRMED} notice of the candidate charged to {@code unitId}; for the candidate's own
     * unit and no ruling it is the notice the 推诿 detector has always raised.
     */
    public Notice confirmedNotice(String chargedUnitId, String chargedUnitName, String text) {
        NoticeType type = NoticeType.PUSHBACK_CONFIRMED;
        return Notice.builder(type, type.id(caseId, chargedUnitId), concludedAt)
                .period(period)
                .unit(chargedUnitId, chargedUnitName)
                .caseId(caseId)
                .channel(channel)
                .title("较差件（推诿）：案件" + caseId + subject())
                .text(text)
                .fact("caseTitle", title)
                .fact("reason", "推诿")
                .fact("returnCount", returns.size())
                .fact("reasons", PushbackTexts.distinct(reasons()))
                .fact("returnedBy", shortName)
                .fact("concludedBy", shortName)
                .fact("concludedAt", concludedAt.toString())
                .build();
    }

    private String subject() {
        return title == null || title.isBlank() ? "" : "（" + title + "）";
    }
}
