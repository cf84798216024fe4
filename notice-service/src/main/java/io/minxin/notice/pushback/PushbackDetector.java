package io.minxin.notice.pushback;

import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.CaseState.Acceptance;
import io.minxin.events.state.CaseState.Conclusion;
import io.minxin.events.state.CaseState.Pushback;
import io.minxin.events.state.CaseState.Return;
import io.minxin.notice.units.UnitNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the 推诿 notices of the folded state of a case. The state holds the whole history, so the result depends
 * only on the events, not on how often or in which order states arrive: each notice is raised once per case, unit
 * and rule (its id says so).
 *
 * <ul>
 *   <li>{@link Rule#UNIT_RETURNS} alert, at the return that crossed the threshold: a unit returned the case for the
 *       {@code unitReturns}-th time.
 *   <li>{@link Rule#CASE_RETURNS} alert, likewise: the case reached {@code caseReturns} returns, by whichever units;
 *       the alert names the unit of that return.
 *   <li>confirmed 推诿 (较差件), at the conclusion: metrics-service decided it ({@link CaseState#pushback()}, with
 *       the unit and its returns in {@link CaseState#confirmedPushback()}); it is taken as decided, never re-derived.
 * </ul>
 *
 * <p>The alert rules are notice-service's alone and stated here only; their thresholds are {@link
 * PushbackSettings}.
 */
public final class PushbackDetector {
    /** The alert rules, named in the notice id. */
    public enum Rule {
        UNIT_RETURNS,
        CASE_RETURNS
    }

    private static final Logger log = LoggerFactory.getLogger(PushbackDetector.class);
    private static final Comparator<Return> BY_TIME = Comparator.comparing(Return::occurredAt);

    private final int unitReturns;
    private final int caseReturns;
    private final UnitNames unitNames;

    public PushbackDetector(int unitReturns, int caseReturns, UnitNames unitNames) {
        if (unitReturns < 1 || caseReturns < 1) {
            throw new IllegalArgumentException("return thresholds must be at least 1");
        }
        this.unitReturns = unitReturns;
        this.caseReturns = caseReturns;
        this.unitNames = unitNames;
    }

    /** Every 推诿 notice the state justifies, in the order of the facts that raised them. */
    public List<Notice> examine(CaseState state) {
        if (state.pending() || state.returns().isEmpty()) {
            return List.of();
        }
        List<Return> returns = state.returns().stream().sorted(BY_TIME).toList();
        List<Notice> notices = new ArrayList<>();
        Map<String, List<Return>> byUnit = returns.stream()
                .collect(Collectors.groupingBy(Return::unitId, LinkedHashMap::new, Collectors.toList()));
        byUnit.forEach((unitId, ofUnit) -> {
            if (ofUnit.size() >= unitReturns) {
                notices.add(unitReturnsAlert(state, ofUnit.subList(0, unitReturns)));
            }
        });
        if (returns.size() >= caseReturns) {
            notices.add(caseReturnsAlert(state, returns.subList(0, caseReturns)));
        }
        if (state.pushback()) {
            if (state.confirmedPushback() != null) {
                notices.add(confirmed(state, state.confirmedPushback(), state.conclusion()));
            } else {
                log.warn(
                        "case {} is a confirmed 推诿 in a case-state written before it named the unit and returns;"
                                + " its 较差件 waits for the case's next state",
                        state.caseId());
            }
        }
        notices.sort(Comparator.comparing(Notice::occurredAt).thenComparing(Notice::id));
        return notices;
    }

    private Notice unitReturnsAlert(CaseState state, List<Return> returns) {
        Return last = returns.get(returns.size() - 1);
        String unit = shortName(state, last.unitId());
        List<String> reasons = reasons(returns);
        String text = "案件" + state.caseId() + subject(state) + "：" + unit + PushbackTexts.returnedFor(reasons) + "，已达"
                + unitReturns + "次，请核实职责，防止推诿。";
        return alert(
                        state,
                        Rule.UNIT_RETURNS,
                        last,
                        "推诿预警：" + unit + "第" + returns.size() + "次退回案件" + state.caseId(),
                        text)
                .fact("returnCount", returns.size())
                .fact("reasons", PushbackTexts.distinct(reasons))
                .build();
    }

    private Notice caseReturnsAlert(CaseState state, List<Return> returns) {
        Return last = returns.get(returns.size() - 1);
        Map<String, Long> perUnit = returns.stream()
                .collect(Collectors.groupingBy(Return::unitId, LinkedHashMap::new, Collectors.counting()));
        String summary = perUnit.entrySet().stream()
                .map(e -> shortName(state, e.getKey()) + e.getValue() + "次")
                .collect(Collectors.joining("、"));
        String text = "案件" + state.caseId() + subject(state) + "已累计退件" + returns.size() + "次（" + summary + "），最近一次由"
                + shortName(state, last.unitId()) + "以" + PushbackTexts.quoted(List.of(last.reason()))
                + "为由退件，请核实职责，尽快明确承办单位。";
        return alert(state, Rule.CASE_RETURNS, last, "推诿预警：案件" + state.caseId() + "已退件" + returns.size() + "次", text)
                .fact("returnCount", returns.size())
                .fact("reasons", PushbackTexts.distinct(reasons(returns)))
                .build();
    }

    private Notice confirmed(CaseState state, Pushback pushback, Conclusion conclusion) {
        PushbackCandidate candidate = candidate(state, pushback, conclusion);
        return candidate.confirmedNotice(candidate.unitId(), candidate.unitName(), candidate.explanation(""));
    }

    /**
     * The 较差件 candidate of the state: metrics-service's confirmed 推诿, with what its account is written from;
     * empty when the state has none (or was written before it named the unit and returns).
     */
    public Optional<PushbackCandidate> candidate(CaseState state) {
        if (state.pending() || !state.pushback() || state.confirmedPushback() == null) {
            return Optional.empty();
        }
        return Optional.of(candidate(state, state.confirmedPushback(), state.conclusion()));
    }

    /** The alerts of the state ({@link Rule}), without the confirmed 推诿, which the 较差件 review raises. */
    public List<Notice> alerts(CaseState state) {
        return examine(state).stream()
                .filter(notice -> notice.type() != NoticeType.PUSHBACK_CONFIRMED)
                .toList();
    }

    private PushbackCandidate candidate(CaseState state, Pushback pushback, Conclusion conclusion) {
        String unitId = pushback.unitId();
        return new PushbackCandidate(
                state.caseId(),
                state.period(),
                state.channel(),
                state.title(),
                unitId,
                fullName(state, unitId),
                shortName(state, unitId),
                pushback.returns(),
                conclusion.occurredAt());
    }

    private Notice.Builder alert(CaseState state, Rule rule, Return last, String title, String text) {
        NoticeType type = NoticeType.PUSHBACK_ALERT;
        return about(state, type, type.id(state.caseId(), last.unitId(), rule), last.unitId(), last.occurredAt())
                .title(title)
                .text(text)
                .fact("rule", rule.name())
                .fact("caseTitle", state.title())
                .fact("lastReason", last.reason());
    }

    private static Notice.Builder about(
            CaseState state, NoticeType type, String id, String unitId, Instant occurredAt) {
        return Notice.builder(type, id, occurredAt)
                .period(state.period())
                .unit(unitId, fullName(state, unitId))
                .caseId(state.caseId())
                .channel(state.channel());
    }

    private static List<String> reasons(List<Return> returns) {
        return returns.stream().map(Return::reason).toList();
    }

    private static String subject(CaseState state) {
        return state.title() == null || state.title().isBlank() ? "" : "（" + state.title() + "）";
    }

    private String shortName(CaseState state, String unitId) {
        return unitNames.shortName(fullName(state, unitId), unitId);
    }

    /** The name the unit had when the case was last assigned to it; the case carries no other names. */
    private static String fullName(CaseState state, String unitId) {
        String name = null;
        for (Acceptance acceptance : state.acceptances()) {
            if (acceptance.unitId().equals(unitId) && acceptance.unitName() != null) {
                name = acceptance.unitName();
            }
        }
        if (name == null && unitId.equals(state.owner())) {
            name = state.ownerName();
        }
        return name;
    }
}
